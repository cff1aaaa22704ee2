"""Registry wordings (issue #11.10, #11.11): status wordings of the real registries map to their status, and an
unknown type/category word is rejected with a reason, for every kind that has a closed list of them.

The wordings come from the registries' published exports, not from graph/vocab.py: the enterprise credit
publicity system (国家企业信用信息公示系统), the social-organization registry (民政) and the public-unit registry
(事业单位法人登记), each bracketed with full-width and with ASCII brackets.
"""

from __future__ import annotations

from typing import Any

import pytest

from ingest.cells import sanitize
from ingest.kinds import KINDS, transform
from ingest.places import Division, Places
from ingest.records import Record, RowReject
from ingest.transform import Context

STATUS_WORDINGS = [
    # enterprise registry
    ("存续（在营、开业、在册）", "ACTIVE"), ("存续(在营、开业、在册)", "ACTIVE"), ("在营（开业）企业", "ACTIVE"),
    ("存续", "ACTIVE"), ("在业", "ACTIVE"), ("迁入", "ACTIVE"), ("吊销，未注销", "REVOKED"), ("吊销,未注销", "REVOKED"),
    ("吊销（未注销）", "REVOKED"), ("吊销，已注销", "REVOKED"), ("注销", "CANCELLED"), ("迁出", "MOVED"),
    ("停业", "SUSPENDED"), ("清算", "LIQUIDATING"), ("撤销", "REVOKED"),
    # social-organization registry
    ("正常", "ACTIVE"), ("成立登记", "ACTIVE"), ("撤销登记", "REVOKED"), ("注销登记", "CANCELLED"),
    ("已注销", "CANCELLED"), ("已撤销", "REVOKED"),
    # public-unit registry
    ("有效", "ACTIVE"), ("设立登记", "ACTIVE"), ("吊销事业单位法人证书", "REVOKED"),
    ("注销（事业单位法人）", "CANCELLED"),
]


@pytest.fixture
def ctx() -> Context:
    return Context(Places.build([Division("510107005001", "community", "玉林北路社区", None)], []))


def org(ctx: Context, kind: str, **values: Any) -> Record:
    row = {"name": "测试单位", "divisionCode": "510107005001", **values}
    return transform(kind, {k: sanitize(v) for k, v in row.items()}, ctx)  # sanitized, as the reader does


@pytest.mark.parametrize("kind", ["enterprises", "public-units", "social-orgs"])
@pytest.mark.parametrize(("wording", "status"), STATUS_WORDINGS)
def test_registry_status_wordings_map_to_their_status(ctx: Context, kind: str, wording: str, status: str) -> None:
    rec = org(ctx, kind, status=wording)
    assert rec.props["status"] == status, wording
    assert rec.props["statusRaw"] == sanitize(wording)
    assert not [i for i in rec.issues if i.field == "status"]


def test_an_unknown_status_is_flagged_unknown(ctx: Context) -> None:
    rec = org(ctx, "enterprises", status="某种状态（其他）")
    assert rec.props["status"] == "UNKNOWN"
    assert [i.reason for i in rec.issues if i.field == "status"] == ["unknown value '某种状态(其他)'"]


UNKNOWN_WORDS = [
    ("social-orgs", "orgType", "其他组织"),
    ("public-units", "orgType", "企业"),
    ("party-orgs", "category", "党员活动室"),
    ("resources", "category", "美食"),
    ("needs", "category", "美食"),
    ("memberships", "type", "观察员"),
    ("memberships", "allianceKind", "兴趣小组"),
    ("agreements", "type", "租赁合同"),
]


@pytest.mark.parametrize(("kind", "field", "word"), UNKNOWN_WORDS)
def test_unknown_type_and_category_words_are_rejected_with_a_reason(ctx: Context, kind: str, field: str,
                                                                    word: str) -> None:
    rows = {
        "social-orgs": {"name": "某协会", "orgType": "社会团体"},
        "public-units": {"name": "某单位", "orgType": "事业单位"},
        "party-orgs": {"name": "某党支部", "category": "党支部"},
        "resources": {"id": "R1", "name": "会议室", "category": "场地阵地"},
        "needs": {"id": "N1", "title": "需求", "category": "场地阵地", "divisionCode": "510107005001"},
        "agreements": {"id": "A1", "title": "共建协议", "orgName": "某单位", "divisionCode": "510107005001"},
        "memberships": {"type": "联盟成员", "orgName": "某单位", "allianceName": "某联盟",
                        "allianceKind": "区域化党建联盟"},
    }
    good = rows[kind]
    assert transform(kind, good, ctx) is not None  # the row loads with a known word
    with pytest.raises(RowReject) as e:
        transform(kind, {**good, field: word}, ctx)
    assert e.value.field == field
    assert repr(word) in e.value.reason and "expected" in e.value.reason


#: kinds whose open vocabularies keep an unknown word: stored as ``other``, the word in ``<field>Raw``, flagged
#: (a 12345 work-order category or a compound type is a list that grows; the compound layer chose this)
KEPT_AS_OTHER = [("compounds", "type", "别墅区"), ("work-orders", "category", "外星人投诉")]


@pytest.mark.parametrize(("kind", "field", "word"), KEPT_AS_OTHER)
def test_open_vocabularies_keep_an_unknown_word_flagged_never_silently(ctx: Context, kind: str, field: str,
                                                                      word: str) -> None:
    base = {"compounds": {"code": "C1", "name": "某小区", "divisionCode": "510107005001"},
            "work-orders": {"id": "W1", "category": "噪音扰民", "divisionCode": "510107005001"}}[kind]
    rec = transform(kind, {**base, field: word}, ctx)
    assert rec.props[field] == "other" and rec.props[f"{field}Raw"] == word
    assert [i.kind for i in rec.issues if i.field == field] == ["flagged"]


def test_every_kind_with_type_words_is_covered() -> None:
    """The kinds whose profile has a type/category column are the ones checked above (the enterprise registry's
    企业类型 is open text, stored as written)."""
    from ingest.mapping import builtin

    with_words = {k.name for k in KINDS for f in builtin(k.name).columns
                  if f in ("orgType", "category", "type", "allianceKind") and k.name != "enterprises"}
    assert with_words == {kind for kind, _, _ in UNKNOWN_WORDS + KEPT_AS_OTHER}


def test_missing_party_category_says_it_is_missing(ctx: Context) -> None:
    with pytest.raises(RowReject) as e:
        transform("party-orgs", {"name": "某党支部"}, ctx)
    assert e.value.field == "category" and "None" not in e.value.reason
    assert "required value is empty" in e.value.reason
