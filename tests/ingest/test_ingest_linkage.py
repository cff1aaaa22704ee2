"""Three-level linkage kinds (issue #13): 大工委/大党委 rows of party-orgs (ENLARGES), committee-members (兼职委员名单)
and responsibilities (包联责任表): formats, every row accounted for, idempotent re-runs, bad rows with reasons, and
the responsible person's name in no report line or log record."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import neo4j
import openpyxl
import pytest
from ingest_fixtures import COMMUNITY, COMMUNITY2, ENT_HEADER, GRID1, STREET, enterprise_rows

from ingest import ingest_files
from ingest.report import read_report

pytestmark = pytest.mark.neo4j

PARTY = [
    {"党组织编号": "P1", "党组织名称": "中共玉林街道工作委员会", "组织类别": "党工委", "领导区域编码": STREET},
    {"党组织编号": "P2", "党组织名称": "中共玉林北路社区委员会", "组织类别": "党委", "上级党组织": "P1",
     "领导区域编码": COMMUNITY},
    # enlarged committees: the 大工委 before its base would be fine too (ENLARGES is linked in pass 2)
    {"党组织编号": "E1", "党组织名称": "玉林街道大工委", "组织类别": "街道大工委", "扩大的党组织": "P1"},
    {"党组织编号": "E2", "党组织名称": "玉林北路社区大党委", "组织类别": "大党委",
     "基础党组织": "中共玉林北路社区委员会"},
    {"党组织编号": "P3", "党组织名称": "中共玉林东路社区委员会", "组织类别": "党委", "上级党组织": "P1",
     "领导区域编码": COMMUNITY2},
]
PERSON = "周包联"


def q(drv: neo4j.Driver, cypher: str, **params: object) -> list[dict[str, object]]:
    with drv.session(database="neo4j") as s:
        return s.run(cypher, params).data()  # type: ignore[arg-type]


@pytest.fixture
def linkage_base(places_graph: neo4j.Driver, tmp_path: Path, csv_writer: Callable[..., Path]) -> neo4j.Driver:
    """Enterprises and the street office, then the party organizations with two enlarged committees."""
    ingest_files("enterprises", [csv_writer("ent.csv", ENT_HEADER, enterprise_rows())], report=tmp_path / "e.jsonl")
    ingest_files("public-units", [csv_writer("pu.csv", ["统一社会信用代码", "单位名称", "单位类别", "区划代码"],
                                             [["11510107MB0000001X", "武侯区玉林街道办事处", "机关", STREET]])],
                 report=tmp_path / "pu.jsonl")
    path = tmp_path / "party.jsonl"
    path.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in PARTY), encoding="utf-8")
    s = ingest_files("party-orgs", [path], report=tmp_path / "p.jsonl")
    assert (s.loaded, s.rejected, s.warnings) == (5, 0, 0), read_report(tmp_path / "p.jsonl")
    return places_graph


def test_enlarged_committees_link_to_their_base(linkage_base: neo4j.Driver, tmp_path: Path,
                                                csv_writer: Callable[..., Path]) -> None:
    rows = q(linkage_base, "MATCH (e:PartyOrganization)-[:ENLARGES]->(b) RETURN e.partyOrgId AS e, e.category AS c, "
                           "b.partyOrgId AS b ORDER BY e")
    assert rows == [{"e": "E1", "c": "大工委", "b": "P1"}, {"e": "E2", "c": "大党委", "b": "P2"}]
    # an enlarged committee leads no area: the chain finds exactly one committee per area
    assert q(linkage_base, "MATCH (e:PartyOrganization {partyOrgId: 'E1'})-[:LEADS]->(x) RETURN x") == []
    bad = csv_writer("bad.csv", ["党组织编号", "党组织名称", "组织类别", "扩大的党组织", "领导区域编码"], [
        ["E3", "无基础大党委", "大党委", "", ""],                  # no base committee
        ["E4", "领导区域的大党委", "大党委", "P2", COMMUNITY],     # an enlarged committee leading an area
        ["P9", "中共某支部委员会", "党支部", "P2", ""],            # only 大工委/大党委 enlarge
        ["E5", "基础不存在大党委", "大党委", "P404", ""],          # loaded; the link is a warning of pass 2
    ])
    s = ingest_files("party-orgs", [bad], report=tmp_path / "bad.jsonl")
    report = read_report(tmp_path / "bad.jsonl")
    rejected = {(r["row"], r["column"]): r["reason"] for r in report if r["outcome"] == "rejected"}
    assert (s.rows, s.rejected, s.loaded) == (4, 3, 1)
    assert set(rejected) == {(2, "扩大的党组织"), (3, "领导区域编码"), (4, "扩大的党组织")}
    assert "base committee" in rejected[(2, "扩大的党组织")]
    warnings = [r for r in report if r["outcome"] == "warning"]
    assert [(w["row"], w["column"]) for w in warnings] == [(5, "扩大的党组织")] and "P404" in warnings[0]["reason"]


def test_committee_members_formats_bad_rows_and_idempotence(linkage_base: neo4j.Driver, tmp_path: Path,
                                                            csv_writer: Callable[..., Path]) -> None:
    header = ["大党委编号", "大党委名称", "单位统一社会信用代码", "单位名称", "委员职务", "任职日期", "姓名"]
    rows = [
        ["E2", "", "91350100M000100Y43", "", "兼职委员", "2024-01-01", "吴委员"],
        ["", "玉林街道大工委", "", "华为技术有限公司（成都）", "兼职副书记", "2023/05/06", "郑委员"],
        ["", "", "91350100M000100Y43", "", "兼职委员", "", ""],            # no committee
        ["E2", "", "", "", "", "", ""],                                     # no unit
        ["E2", "", "91350100M0001TGQXM", "", "主席", "", ""],              # unknown role
        ["P2", "", "91350100M000100Y43", "", "", "", ""],                  # a base committee, not an enlarged one
        ["E2", "", "915101070000000000", "", "", "", ""],                  # unit not in the graph
    ]
    csv_path = csv_writer("cm.csv", header, rows)
    s = ingest_files("兼职委员名单", [csv_path], report=tmp_path / "cm.jsonl")  # the Chinese name of the kind
    report = read_report(tmp_path / "cm.jsonl")
    assert s.kind == "committee-members"
    assert (s.rows, s.loaded, s.rejected) == (7, 2, 5), report
    assert s.rows == s.loaded + s.updated + s.unchanged + s.rejected
    reasons = {r["row"]: (r["column"], r["reason"]) for r in report if r["outcome"] == "rejected"}
    assert reasons[4][0] == "大党委名称" and reasons[5][0] == "单位统一社会信用代码"
    assert reasons[6][0] == "委员职务" and "主席" in reasons[6][1]
    assert reasons[7][0] == "大党委编号" and "EnlargedCommittee" in reasons[7][1]
    assert reasons[8][0] == "单位统一社会信用代码"
    assert s.unrecognised_columns == {"cm.csv": ["姓名"]}  # the member's name is never read
    got = q(linkage_base, "MATCH (u:Organization)-[r:PART_TIME_MEMBER_OF]->(e) RETURN u.uid AS u, e.partyOrgId AS e, "
                          "r.role AS role, r.since AS since, r.source AS source ORDER BY e")
    assert [(g["u"], g["e"], g["role"]) for g in got] == [
        ("914403001922038216", "E1", "part_time_deputy_secretary"), ("91350100M000100Y43", "E2", "part_time_member")]
    assert str(got[0]["since"]) == "2023-05-06" and got[0]["source"]
    dump = json.dumps(q(linkage_base, "MATCH ()-[r:PART_TIME_MEMBER_OF]->() RETURN properties(r) AS p"), default=str)
    assert "吴委员" not in dump and "郑委员" not in dump
    # XLSX and a re-run: the same rows, now unchanged
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["兼职委员名单（演示）"])
    ws.append(header)
    for row in rows[:2]:
        ws.append(row)
    wb.save(tmp_path / "cm.xlsx")
    again = ingest_files("committee-members", [tmp_path / "cm.xlsx"], report=tmp_path / "cm2.jsonl")
    assert (again.rows, again.unchanged, again.rejected) == (2, 2, 0)


RESP_HEADER = ["职能部门", "包联社区编码", "街道编码", "街道办事处", "负责人职务", "负责人姓名", "包联日期"]


def test_responsibilities_load_departments_and_keep_names_out_of_reports(
        linkage_base: neo4j.Driver, tmp_path: Path, csv_writer: Callable[..., Path],
        caplog: pytest.LogCaptureFixture) -> None:
    rows = [
        ["党建办", COMMUNITY, STREET, "武侯区玉林街道办事处", "主任", PERSON, "2024-01-01"],
        ["党建办", GRID1[0], "", "", "包联干部", "钱网格", ""],              # a grid, street derived
        ["社区发展治理办", COMMUNITY2, "", "", "", "孙治理", ""],           # role defaults to head
        ["综治中心", STREET, "", "", "主任", "李街道", ""],                  # a street is not a 包联 area
        ["综治中心", COMMUNITY, "510107006", "", "主任", "王错街", ""],      # area not in that street
        ["综治中心", "510107005999", "", "", "", "赵不存在", ""],            # unknown community
        ["综治中心", f"{COMMUNITY}；{COMMUNITY2}", "", "", "", "冯两个", ""],  # one area per row
        ["综治中心", COMMUNITY, "", "", "周一", "陈角色", ""],               # unknown role (a name in it)
        ["", COMMUNITY, "", "", "", "褚无部门", ""],                         # department required
    ]
    path = csv_writer("resp.csv", RESP_HEADER, rows)
    with caplog.at_level(logging.DEBUG):
        s = ingest_files("包联责任表", [path], report=tmp_path / "r.jsonl")
    report = read_report(tmp_path / "r.jsonl")
    assert (s.rows, s.loaded, s.rejected) == (9, 3, 6), report
    rejected = {r["row"]: r["column"] for r in report if r["outcome"] == "rejected"}
    assert rejected == {5: "包联社区编码", 6: "街道编码", 7: "包联社区编码", 8: "包联社区编码", 9: "负责人职务",
                        10: "职能部门"}
    text = (tmp_path / "r.jsonl").read_text(encoding="utf-8") + caplog.text
    names = [r[5] for r in rows] + ["周一"]
    assert [n for n in names if n in text] == []  # personal: no name in any report line or log record
    got = q(linkage_base, "MATCH (d:Department)-[r:RESPONSIBLE_FOR]->(x) "
                          "RETURN d.name AS d, d.type AS t, d.streetCode AS s, coalesce(x.code, x.uid) AS x, "
                          "r.role AS role, r.personName AS name ORDER BY d, x")
    assert got == [
        {"d": "党建办", "t": "party_building", "s": STREET + "000", "x": COMMUNITY, "role": "head", "name": PERSON},
        {"d": "党建办", "t": "party_building", "s": STREET + "000", "x": GRID1[0], "role": "liaison_cadre",
         "name": "钱网格"},
        {"d": "社区发展治理办", "t": "community_governance", "s": STREET + "000", "x": COMMUNITY2, "role": "head",
         "name": "孙治理"},
    ]
    links = q(linkage_base, "MATCH (d:Department {name: '党建办'}) RETURN [(d)-[:IN_DIVISION]->(x) | x.code] AS s, "
                            "[(d)-[:UNIT_OF]->(o) | o.name] AS o")
    assert links == [{"s": [STREET + "000"], "o": ["武侯区玉林街道办事处"]}]
    again = ingest_files("responsibilities", [path], report=tmp_path / "r2.jsonl")
    assert (again.unchanged, again.loaded, again.rejected) == (3, 0, 6)
    assert q(linkage_base, "MATCH (d:Department) RETURN count(d) AS n") == [{"n": 2}]
