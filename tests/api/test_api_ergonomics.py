"""What planning-tool developers met (issue #11.19): counts that mean what they say, codes of the wrong level named,
one failing root field not taking the others with it."""

from __future__ import annotations

import pytest
from api_helpers import data, error, gql

pytestmark = pytest.mark.neo4j


def test_grid_count_counts_the_grids_of_descendants(seeded, client):
    tops = data(gql(client, "{ divisions { code gridCount } }"))["divisions"]
    assert tops == [{"code": "510100000000", "gridCount": 4}]
    streets = data(gql(client, '{ divisions(parentCode: "510107000000") { code gridCount } }'))["divisions"]
    assert streets == [{"code": "510107005000", "gridCount": 3}, {"code": "510107006000", "gridCount": 1}]
    district = data(gql(client, '{ division(code: "510107000000") { gridCount children { code gridCount } } }'))
    assert district["division"] == {"gridCount": 4, "children": streets}


@pytest.mark.parametrize(("query", "field", "expected", "given"), [
    ('{ grids(communityCode: "510107005000") { nodes { code } } }', "communityCode", "community", "street"),
    ('{ grids(communityCode: "510107000000") { nodes { code } } }', "communityCode", "community", "district"),
    ('{ communityPartners(communityCode: "510107005000") { community { code } } }', "communityCode", "community",
     "street"),
    ('{ partyChain(divisionCode: "510107005001") { street { code } } }', "divisionCode", "district or street",
     "community"),
    ('{ partyChain(divisionCode: "510100000000") { street { code } } }', "divisionCode", "district or street",
     "city"),
])
def test_a_code_of_the_wrong_level_names_the_expected_level(seeded, client, query, field, expected, given):
    err = error(gql(client, query))
    assert err["extensions"] == {"code": "BAD_USER_INPUT", "field": field}, err
    assert f"must be the code of a {expected}" in err["message"] and f"is a {given}" in err["message"]


def test_right_levels_and_unknown_codes_still_answer(seeded, client):
    assert len(data(gql(client, '{ grids(communityCode: "510107005001") { nodes { code } } }'))["grids"]["nodes"]) == 2
    assert len(data(gql(client, '{ partyChain(divisionCode: "510107000000") { street { code } } }'))["partyChain"]) == 2
    err = error(gql(client, '{ partyChain(divisionCode: "510107009000") { street { code } } }'))
    assert err["extensions"] == {"code": "NOT_FOUND", "field": "divisionCode"}


def test_one_failing_root_field_leaves_the_others(seeded, client):
    body = gql(client, """{ ok: divisions { code }
      bad: resourcesForGrid(gridCode: "999999999999999") { grid { uid } }
      page: grids(communityCode: "510107005000") { nodes { code } }
      members: memberStatusByGrid(divisionCode: "5101") { total } }""")
    assert body["data"] == {"ok": [{"code": "510100000000"}], "bad": None, "page": None, "members": None}
    assert sorted(e["path"][0] for e in body["errors"]) == ["bad", "members", "page"]


RANK_CATS = """query($c: [String!]) { resourcesForGrid(gridCode: "510107005001001", categories: $c) {
  matches { resource { uid category } } } }"""


@pytest.mark.parametrize(("word", "key"), [("医疗健康", "medical"), ("医疗", "medical"), (" 场地阵地 ", "venue"),
                                           ("养老服务类", "elderly")])
def test_categories_take_the_chinese_words_ingest_takes(seeded, client, word, key):
    by_word = data(gql(client, RANK_CATS, {"c": [word]}))["resourcesForGrid"]["matches"]
    by_key = data(gql(client, RANK_CATS, {"c": [key]}))["resourcesForGrid"]["matches"]
    assert by_word == by_key and by_word, word
    assert {m["resource"]["category"] for m in by_word} == {key}
    listed = data(gql(client, 'query($c: String) { resources(divisionCode: "510107005000", category: $c) '
                              '{ nodes { uid } } }', {"c": word}))["resources"]["nodes"]
    keyed = data(gql(client, 'query($c: String) { resources(divisionCode: "510107005000", category: $c) '
                             '{ nodes { uid } } }', {"c": key}))["resources"]["nodes"]
    assert listed == keyed


def test_an_unknown_category_word_is_named(seeded, client):
    err = error(gql(client, RANK_CATS, {"c": ["medical", "美食"]}))
    assert err["extensions"] == {"code": "BAD_USER_INPUT", "field": "categories[1]"}
    assert "医疗健康" in err["message"]


def test_publishing_with_a_chinese_category_word_stores_the_key(fresh_seed, client):
    q = """mutation($i: PublishNeedInput!) { publishNeed(input: $i) { need { category } } }"""
    got = data(gql(client, q, {"i": {"clientMutationId": "need-word-1", "title": "助老服务", "category": "养老服务",
                                     "divisionCode": "510107005001"}}, role="planner"))
    assert got["publishNeed"]["need"]["category"] == "elderly"
