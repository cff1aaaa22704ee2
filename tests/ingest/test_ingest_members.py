"""Members that can be counted honestly (issue #13 part 1), on the real Neo4j through the real ingest.

Expectations are worked out by hand from the rows below and the rules of docs/members.md:

=====  ==========================  ===================  ==============  ===========  =================  ========
member born (source)                residence            relation        check-in     transfer out / in  derived
=====  ==========================  ===================  ==============  ===========  =================  ========
A      1950-01-01 (ID)  -> 70+      grid 1 (community 1) org 1 (comm. 1) -            -                  normal
B      2000-05-05 (出生日期; the    community 1 only     org 2 (comm. 2) -            -                  hidden
       ID says 1960) -> <35
C      1985-03-03 (ID)  -> 35-45    community 1 (address) org 2         community 1  -                  normal
D      1972-07-07 (ID)  -> 46-59    grid 2 (community 2) -              -            2020-01-01 / -     pocket
E      1962-02-02 (ID)  -> 60-69    grid 2 (community 2) org 2          -            2020-01-01 / 03-01 flowing
F      1990-01-01 (ID)              nowhere known        -              -            -                  (not counted)
=====  ==========================  ===================  ==============  ===========  =================  ========

Imported labels: A 正常, B 正常, C 隐形, D 正常, E 流动, F 正常 -> disagreements B, C, D. Ages are at least a year away
from a band edge for every day before 2030, so the bands do not depend on the day the test runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import neo4j
import pytest
from ingest_fixtures import COMMUNITY, COMMUNITY2, ENT_HEADER, GRID1, GRID2, STREET, enterprise_rows

from ingest import ingest_files
from ingest.member_facts import age_band, birth_date_from_id
from queries.catalog import run
from queries.member_rules import get_member_rules

pytestmark = pytest.mark.neo4j


def id_number(body: str) -> str:
    """An 18-character resident ID number: ``body`` (17 digits) and its check character."""
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


ORG_HEADER = ["党组织名称", "组织类别", "区划代码"]
ORGS = [["玉林北路社区党委", "党委", COMMUNITY],
        ["玉林东路社区某机关党支部", "党支部", COMMUNITY2]]
HEADER = ["身份证号", "姓名", "党员状态", "所在党组织", "出生日期", "居住网格编码", "居住社区编码", "居住地址",
          "报到社区编码", "报到日期", "组织关系转出日期", "组织关系转入日期", "工作单位统一社会信用代码", "工作单位"]
ROWS = [
    [id_number("51010719500101001"), "甲", "正常", "玉林北路社区党委", "", GRID1[0], "", "", "", "", "", "",
     "914403001922038216", ""],
    [id_number("51010719600101002"), "乙", "正常", "玉林东路社区某机关党支部", "2000-05-05", "", COMMUNITY, "", "",
     "", "", "", "", "玉林小面馆"],
    [id_number("51010719850303003"), "丙", "隐形", "玉林东路社区某机关党支部", "", "", "",
     "四川省成都市武侯区玉林街道玉林北路社区某巷3号", COMMUNITY, "2024-05-01", "", "", "", "不存在的单位"],
    [id_number("51010719720707004"), "丁", "正常", "", "", GRID2[0], "", "", "", "", "2020-01-01", "", "", ""],
    [id_number("51010719620202005"), "戊", "流动", "玉林东路社区某机关党支部", "", GRID2[0], "", "", "", "",
     "2020-01-01", "2020-03-01", "", ""],
    [id_number("51010719900101006"), "己", "正常", "", "", "", "", "", "", "", "", "", "", ""],
]


def pad(code: str) -> str:
    return code + "0" * (12 - len(code))


@pytest.fixture
def members_graph(places_graph: neo4j.Driver, tmp_path: Path, csv_writer: Callable[..., Path]) -> neo4j.Driver:
    ents = ingest_files("enterprises", [csv_writer("e.csv", ENT_HEADER, enterprise_rows())],
                        report=tmp_path / "e.jsonl")
    assert ents.rejected == 0
    orgs = ingest_files("party-orgs", [csv_writer("o.csv", ORG_HEADER, ORGS)], report=tmp_path / "o.jsonl")
    assert orgs.rejected == 0
    s = ingest_files("party-members", [csv_writer("m.csv", HEADER, ROWS)], report=tmp_path / "m.jsonl")
    assert (s.rows, s.rejected) == (6, 0) and s.warnings >= 1  # 丙's workplace is not loaded
    assert "不存在的单位" not in (tmp_path / "m.jsonl").read_text(encoding="utf-8")
    return places_graph


def test_age_band_edges_and_birth_dates_in_id_numbers() -> None:
    on = dt.date(2026, 12, 1)
    assert age_band(dt.date(1991, 12, 1), on) == "35-45"  # 35 on the day
    assert age_band(dt.date(1991, 12, 2), on) == "<35"  # 35 tomorrow
    assert age_band(dt.date(1980, 12, 2), on) == "35-45" and age_band(dt.date(1980, 12, 1), on) == "46-59"
    assert age_band(dt.date(1956, 12, 1), on) == "70+" and age_band(dt.date(1956, 12, 2), on) == "60-69"
    assert age_band(dt.date(2027, 1, 1), on) is None
    assert birth_date_from_id(id_number("51010719850303003")) == dt.date(1985, 3, 3)
    assert birth_date_from_id("510107850303003") == dt.date(1985, 3, 3)  # 15 digits: 19YY
    assert birth_date_from_id(id_number("51010719851303003")) is None  # month 13


def test_members_keep_band_and_residence_never_birth_date_or_address(members_graph: neo4j.Driver) -> None:
    with members_graph.session() as s:
        rows = s.run("MATCH (m:PartyMember) RETURN m.name AS name, m.ageBand AS band, m.residencePlacement AS p, "
                     "[(m)-[:IN_DIVISION]->(d) | d.code] AS div, [(m)-[:IN_GRID]->(g) | g.code] AS grid, "
                     "properties(m) AS props ORDER BY name").data()
    got = {r["name"]: (r["band"], r["p"], r["div"], r["grid"]) for r in rows}
    assert got == {
        "甲": ("70+", "grid", [pad(COMMUNITY)], [GRID1[0]]),
        "乙": ("<35", "community", [pad(COMMUNITY)], []),
        "丙": ("35-45", "community", [pad(COMMUNITY)], []),
        "丁": ("46-59", "grid", [pad(COMMUNITY2)], [GRID2[0]]),
        "戊": ("60-69", "grid", [pad(COMMUNITY2)], [GRID2[0]]),
        "己": ("35-45", "unplaced", [], []),
    }
    with members_graph.session() as s:
        works = s.run("MATCH (m:PartyMember)-[:WORKS_AT]->(o:Organization) RETURN m.name AS m, o.name AS o "
                      "ORDER BY m").data()
    # names are stored with ASCII brackets (the ingest normalizes full-width ones)
    assert works == [{"m": "乙", "o": "玉林小面馆"}, {"m": "甲", "o": "华为技术有限公司(成都)"}]
    text = str([r["props"] for r in rows])
    for secret in ("2000-05-05", "1950", "某巷3号", ROWS[0][0]):
        assert secret not in text


def _counts(drv: neo4j.Driver, code: str, as_of: dt.date) -> dict[tuple[str, str], dict[str, Any]]:
    result = run("members_by_area", {"divisionCode": code, **get_member_rules().params(as_of)}, driver=drv)
    return {(r["level"], r["code"]): r.data() for r in result.records}


def test_members_by_area_derives_hidden_and_pocket(members_graph: neo4j.Driver) -> None:
    got = _counts(members_graph, pad(STREET), dt.date(2026, 12, 1))
    assert set(got) == {("street", pad(STREET)), ("community", pad(COMMUNITY)), ("community", pad(COMMUNITY2)),
                        ("grid", GRID1[0]), ("grid", GRID2[0])}
    street = got[("street", pad(STREET))]
    assert {k: street[k] for k in ("total", "normal", "flowing", "pocket", "hidden")} == {
        "total": 5, "normal": 2, "flowing": 1, "pocket": 1, "hidden": 1}
    assert {k: street[k] for k in ("importedNormal", "importedFlowing", "importedPocket", "importedHidden")} == {
        "importedNormal": 3, "importedFlowing": 1, "importedPocket": 0, "importedHidden": 1}
    assert (street["disagreements"], street["communityOnly"], street["checkedIn"]) == (3, 2, 1)
    assert {b["band"]: b["count"] for b in street["bands"]} == {
        "<35": 1, "35-45": 1, "46-59": 1, "60-69": 1, "70+": 1, "unknown": 0}
    c1, c2 = got[("community", pad(COMMUNITY))], got[("community", pad(COMMUNITY2))]
    assert (c1["total"], c1["normal"], c1["hidden"], c1["communityOnly"]) == (3, 2, 1, 2)
    assert (c2["total"], c2["pocket"], c2["flowing"], c2["communityOnly"]) == (2, 1, 1, 0)
    assert got[("grid", GRID1[0])]["total"] == 1 and got[("grid", GRID2[0])]["total"] == 2
    # a community asked alone: no street row (it would count only part of the street)
    assert set(_counts(members_graph, pad(COMMUNITY), dt.date(2026, 12, 1))) == {("community", pad(COMMUNITY)),
                                                                  ("grid", GRID1[0])}


def test_pocket_rule_looks_back_the_configured_months(members_graph: neo4j.Driver,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from queries.member_rules import reset_member_rules

    def pocket(on: dt.date) -> int:
        count: int = _counts(members_graph, COMMUNITY2, on)[("community", COMMUNITY2)]["pocket"]
        return count

    # D's transfer was issued 2020-01-01: pocket from 2020-07-01 with the default 6 months, not on 2020-06-30
    assert (pocket(dt.date(2020, 7, 1)), pocket(dt.date(2020, 6, 30))) == (1, 0)
    monkeypatch.setenv("GRIDLINK_MEMBER_POCKET_MONTHS", "12")
    reset_member_rules()
    try:
        assert pocket(dt.date(2020, 7, 1)) == 0
    finally:
        monkeypatch.delenv("GRIDLINK_MEMBER_POCKET_MONTHS")
        reset_member_rules()


MEMBER_COUNTS = """query($code: String!, $asOf: Date) { memberCounts(divisionCode: $code, asOf: $asOf) {
  level code name total disagreements communityOnly checkedIn
  byStatus { status count } byImportedStatus { status count } byAgeBand { band count } } }"""


def test_member_counts_field_suppresses_small_counts_for_readers(members_graph: neo4j.Driver) -> None:
    from neo4j_helpers import app_client

    client = app_client({"GRIDLINK_API_KEYS": "r-key:reader,p-key:planner", "GRIDLINK_API_ANONYMOUS_ROLE": ""})

    def ask(key: str, code: str) -> dict[str, Any]:
        resp = client.post("/graphql", json={"query": MEMBER_COUNTS, "variables": {"code": code,
                                                                                   "asOf": "2026-12-01"}},
                           headers={"X-API-Key": key})
        assert resp.status_code == 200, resp.text
        body: dict[str, Any] = resp.json()
        return body

    planner = {(r["level"], r["code"]): r for r in ask("p-key", pad(STREET))["data"]["memberCounts"]}
    street = planner[("street", pad(STREET))]
    assert street["total"] == 5 and street["disagreements"] == 3
    assert {x["status"]: x["count"] for x in street["byStatus"]} == {"normal": 2, "flowing": 1, "pocket": 1,
                                                                      "hidden": 1}
    assert {x["status"]: x["count"] for x in street["byImportedStatus"]} == {"normal": 3, "flowing": 1,
                                                                              "pocket": 0, "hidden": 1}
    reader = {(r["level"], r["code"]): r for r in ask("r-key", pad(STREET))["data"]["memberCounts"]}
    street = reader[("street", pad(STREET))]
    # 5 is shown; every status count is 1 or 2, so all are hidden; zeros stay visible
    assert street["total"] == 5 and street["disagreements"] == 3
    assert [x["count"] for x in street["byStatus"]] == [None, None, None, None]
    assert {x["band"]: x["count"] for x in street["byAgeBand"]} == {
        "<35": None, "35-45": None, "46-59": None, "60-69": None, "70+": None, "unknown": 0}
    assert (street["communityOnly"], street["checkedIn"]) == (None, None)
    grid1 = reader[("grid", GRID1[0])]
    # a total of 1 hides the whole row, zeros too (they would give the one member's status away)
    assert grid1["total"] is None and [x["count"] for x in grid1["byStatus"]] == [None] * 4
    # nothing but counts in the answer: no member's name or uid
    text = str(reader) + str(planner)
    assert not [n for n in ("甲", "乙", "丙", "丁", "戊") if n in text]
    # a bad or unknown code is a clear error naming the field
    for code in ("5101", "510107999999"):
        err = ask("r-key", code)["errors"][0]
        assert "divisionCode" in err["message"]


def test_members_page_states_the_rules_of_the_code() -> None:
    from queries.member_rules import MemberRules

    page = (Path(__file__).resolve().parents[2] / "docs" / "members.md").read_text(encoding="utf-8")
    default = MemberRules.model_fields["pocket_months"].default
    assert f"`GRIDLINK_MEMBER_POCKET_MONTHS` months (default **{default}**)" in page
    assert all(f"`{band}`" in page for band in ("<35", "35-45", "46-59", "60-69", "70+"))
