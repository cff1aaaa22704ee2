"""Queries reshaped for scale (issue #15) return exactly what the plain shape returns: the plain shape is the oracle.

``org_search`` reads the scores first and the uid only of the hits that can be on the page; ``org_in_area``
evaluates its party-organization filter only when it is given. Ties in score (names of the same length) and every
page position are where a bounded top-k could differ from a full sort, so the seed has many of both.
"""

from __future__ import annotations

import random

import pytest

from queries.catalog import run

# the shape before issue #15: every hit sorted, then paged
FULL_SORT = """
CALL db.index.fulltext.queryNodes('organization_names', $text) YIELD node, score
WHERE $kind IS NULL OR node.kind = $kind
WITH node, score ORDER BY score DESC, node.uid ASC
WITH collect(node.uid) AS uids
RETURN size(uids) AS total, uids[$skip..$skip + $first + 1] AS page
"""

IN_AREA = """
MATCH (:Division {code: $code})<-[:PART_OF*0..3]-(:Division)<-[:IN_DIVISION]-(o:Organization)
WHERE $has IS NULL OR EXISTS { (o)<-[:HOSTED_BY]-(:PartyOrganization) } = $has
WITH o ORDER BY o.uid
WITH collect(o.uid) AS uids
RETURN size(uids) AS total, uids[..$first + 1] AS page
"""

SEED = """
MERGE (st:Division {code: '510107005000'}) SET st.name = '街道', st.level = 'street'
MERGE (c:Division {code: '510107005001'}) SET c.name = '社区', c.level = 'community'
MERGE (c)-[:PART_OF]->(st)
WITH c
UNWIND $orgs AS row
CREATE (o:Organization {uid: row.uid, name: row.name, kind: row.kind})
CREATE (o)-[:IN_DIVISION]->(c)
FOREACH (_ IN CASE WHEN row.party THEN [1] ELSE [] END |
  CREATE (:Organization:PartyOrganization {uid: 'n:' + row.uid, name: row.name + '党支部', kind: 'party_org'})
         -[:HOSTED_BY]->(o))
"""


@pytest.fixture
def orgs(graph):
    rng = random.Random(15)
    rows = []
    for i in range(60):
        # four name lengths: many hits tie in score; uids shuffled against names
        name = "锦城" + "商贸" * (i % 4) + ("有限公司" if i % 3 else "社会组织")
        rows.append({"uid": f"91510107{rng.randrange(10**9):09d}{i:02d}", "name": name,
                     "kind": "enterprise" if i % 3 else "social_org", "party": i % 5 == 0})
    graph.execute_query(SEED, {"orgs": rows}, database_="neo4j")
    graph.execute_query("CALL db.awaitIndexes(120)", database_="neo4j")  # the full-text index sees every name
    return rows


@pytest.mark.parametrize("text", ['"锦城"', '"有限"', '"商贸商贸"', '"没有"'])
@pytest.mark.parametrize("kind", [None, "enterprise", "party_org"])
def test_org_search_pages_equal_a_full_sort(orgs, graph, text, kind):
    for first in (1, 7, 20):
        for skip in range(0, 75, 6):
            params = {"text": text, "kind": kind, "skip": skip, "first": first, "personal": False}
            got = run("org_search", params).records[0]
            want = graph.execute_query(FULL_SORT, params, database_="neo4j").records[0]
            assert got["totalCount"] == want["total"], (first, skip)
            assert [n["uid"] for n in got["nodes"]] == want["page"], (first, skip)
    assert want["total"] > 0 or text == '"没有"' or kind == "party_org"


@pytest.mark.parametrize("has", [None, True, False])
def test_org_in_area_party_filter_equals_the_plain_filter(orgs, graph, has):
    for code in ("510107005000", "510107005001"):
        params = {"gridUid": None, "divisionCode": code, "kind": None, "status": None, "industry": None,
                  "hasPartyOrganization": has, "after": None, "first": 20, "withTotal": True, "personal": False}
        got = run("org_in_area", params).records[0]
        want = graph.execute_query(IN_AREA, {"code": code, "has": has, "first": 20}, database_="neo4j").records[0]
        assert got["totalCount"] == want["total"]
        assert [n["uid"] for n in got["nodes"]] == want["page"]
    assert 0 < want["total"] <= 72


LISTED = """
MATCH (:Division {code: $code})<-[:PART_OF*0..3]-(:Division)<-[:IN_DIVISION]-(x)
WHERE $label IN labels(x) AND ($category IS NULL OR x.category = $category)
  AND ($status IS NULL OR x.status = $status)
WITH x ORDER BY x.uid
WITH collect(x.uid) AS uids
RETURN size(uids) AS total, [u IN uids WHERE $after IS NULL OR u > $after][..$first + 1] AS page
"""


@pytest.mark.parametrize(("name", "label"), [("need_list", "Need"), ("resource_list", "Resource"),
                                             ("project_list", "Project")])
def test_area_lists_count_and_page_from_one_pass(orgs, graph, name, label):
    rng = random.Random(5)
    graph.execute_query(
        "MATCH (c:Division {code: '510107005001'}) UNWIND range(1, 40) AS i "
        "CREATE (x:$($label) {uid: $label + '-' + toString($keys[i - 1]), category: ['venue', 'medical'][i % 2], "
        "status: ['open', 'claimed', 'available'][i % 3], title: 't', name: 'n'})-[:IN_DIVISION]->(c)",
        {"label": label, "keys": [rng.randrange(10**6) for _ in range(40)]}, database_="neo4j")
    category = None if name == "project_list" else "venue"
    for code in ("510107005000", "510107005001"):
        for filt in ({"category": None, "status": None}, {"category": category, "status": "open"}):
            after = None
            for _ in range(4):  # every page, by the cursor the API gives
                params = {"gridUid": None, "divisionCode": code, "after": after, "first": 7, "withTotal": True,
                          **({"status": filt["status"]} if name == "project_list" else filt)}
                got = run(name, params).records[0]
                want = graph.execute_query(LISTED, {"code": code, "label": label, "first": 7, "after": after,
                                                    "category": None if name == "project_list" else filt["category"],
                                                    "status": filt["status"]}, database_="neo4j").records[0]
                assert got["totalCount"] == want["total"]
                assert [n["uid"] for n in got["nodes"]] == want["page"]
                after = want["page"][6] if len(want["page"]) > 7 else None
                if after is None:
                    break
    assert want["total"] > 0
