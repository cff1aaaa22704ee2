"""Below the grid (issue #12): the compounds, owner-committees and work-orders kinds, and the compound columns of
party organizations, party members and needs, on the real Neo4j."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import neo4j
from ingest_fixtures import COMMUNITY, COMMUNITY2, GRID1, GRID2, write_csv

from gridlink.demo.codes_gen import id_number
from ingest.cells import name_norm
from ingest.compound_index import compound_key

COMPANY = "91350100M000100Y43"  # the standard's own example: a valid code
COMPOUND_HEADER = ["小区编码", "小区名称", "小区类型", "地址", "所属社区", "户数", "楼栋数", "建成年代",
                   "物业服务企业", "物业企业统一社会信用代码", "物业服务方式", "业委会成立情况", "经度", "纬度"]
CALLERS = ("王小明", "赵丽丽")
PHONES = ("13812345678", "13987654321")
ID_NUMBER = "110101199003077777"


def compound_rows() -> list[list[Any]]:
    """Four loadable rows (one flagged type, one flagged number) and two rejects."""
    return [
        ["", "锦城花园", "商品房小区", "玉林北路12号", "玉林北路社区", "1200", "12", "2008",
         "玉林物业有限公司", COMPANY, "物业服务企业", "已成立", "", ""],
        ["XQ-002", "玉林老院", "老旧院落", "", "", "80", "3", "1985", "", "", "无物业", "未成立", "104.055",
         "30.625"],                                                                    # placed by its point
        ["", "芳草别墅", "别墅区", "", COMMUNITY2, "60", "20", "2015", "", "", "居民自管", "", "", ""],
        ["", "桐梓林小区", "单位大院", "", COMMUNITY2, "很多", "5", "1995", "", "", "单位自管", "", "", ""],
        ["", "", "商品房小区", "", COMMUNITY, "100", "", "", "", "", "", "", "", ""],   # no name
        ["", "幽灵小区", "商品房小区", "", "510107005999", "100", "", "", "", "", "", "", "", ""],  # unknown code
    ]


def _report(summary: Any) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(summary.report_path).read_text(encoding="utf-8").splitlines()]


def _load_compounds(tmp_path: Path) -> Any:
    from ingest import ingest_files

    ent = write_csv(tmp_path / "ent.csv", ["统一社会信用代码", "企业名称", "区划代码"],
                    [[COMPANY, "玉林物业有限公司", COMMUNITY]])
    assert ingest_files("enterprises", [ent], report=tmp_path / "e.jsonl").loaded == 1
    path = write_csv(tmp_path / "compounds.csv", COMPOUND_HEADER, compound_rows())
    return ingest_files("compounds", [path], report=tmp_path / "c.jsonl")


def test_compounds_every_row_accounted_idempotent_with_management(places_graph: neo4j.Driver,
                                                                    tmp_path: Path) -> None:
    from ingest import ingest_files

    s = _load_compounds(tmp_path)
    assert (s.rows, s.loaded, s.rejected) == (6, 4, 2), s
    rejects = {(r["row"], r["column"]) for r in _report(s) if r["outcome"] == "rejected"}
    assert rejects == {(6, "小区名称"), (7, "所属社区")}
    flagged = {(r["row"], r["column"]) for r in _report(s) if r["outcome"] == "flagged"}
    assert {(4, "小区类型"), (5, "户数")} <= flagged
    rows = {r["name"]: r for r in places_graph.execute_query(
        "MATCH (c:Compound) OPTIONAL MATCH (c)-[:IN_GRID]->(g:Grid) OPTIONAL MATCH (c)-[:IN_DIVISION]->(d) "
        "OPTIONAL MATCH (e:Enterprise)-[m:MANAGES]->(c) "
        "RETURN c.name AS name, c.uid AS uid, c.type AS type, c.typeRaw AS raw, c.households AS hh, "
        "c.managementMode AS mode, c.placement AS placement, g.code AS grid, d.code AS division, "
        "e.uscc AS company, m.mode AS mmode, c.source AS source, c.firstRunId AS first").records}
    jc = rows["锦城花园"]
    assert jc["uid"] == compound_key(name_norm("锦城花园"), COMMUNITY)  # the documented formula
    assert (jc["type"], jc["division"], jc["placement"]) == ("commodity", COMMUNITY, "address-text")
    assert (jc["company"], jc["mmode"], jc["hh"]) == (COMPANY, "company", 1200)
    assert (jc["source"], jc["first"]) == ("compounds", s.run_id)
    old = rows["玉林老院"]
    assert (old["uid"], old["grid"], old["placement"], old["mode"]) == ("XQ-002", GRID1[0], "grid-point", "none")
    assert (rows["芳草别墅"]["type"], rows["芳草别墅"]["raw"]) == ("other", "别墅区")
    assert rows["桐梓林小区"]["hh"] is None and rows["桐梓林小区"]["type"] == "unit_compound"
    again = ingest_files("compounds", [tmp_path / "compounds.csv"], report=tmp_path / "c2.jsonl")
    assert (again.unchanged, again.loaded, again.updated, again.rejected) == (4, 0, 0, 2)


WO_HEADER = ["工单编号", "受理时间", "办结时间", "来电人", "来电号码", "诉求内容", "问题类别", "办理状态", "满意度",
             "承办单位", "小区名称", "地址", "所属社区", "所属网格"]


def work_order_rows() -> list[list[Any]]:
    """Six loadable orders placed five ways, one with an unknown category, and one reject."""
    content = f"我是{CALLERS[0]}，电话{PHONES[0]}，身份证{ID_NUMBER}，物业不作为"
    content2 = f"{CALLERS[1]}反映楼上噪音，回电{PHONES[1][:3]} {PHONES[1][3:7]} {PHONES[1][7:]}或{PHONES[1]}"
    return [
        ["GD001", "2025-03-01 09:10:00", "2025-03-03", CALLERS[0], PHONES[0], content, "物业管理", "办结", "满意",
         "玉林街道办", "锦城花园", "", "玉林北路社区", ""],                                  # name + community name
        ["GD002", "2025/03/02 10:00", "", CALLERS[1], PHONES[1], content2, "噪音", "在办", "",
         "玉林街道办", "", f"玉林北路社区锦城花园5栋 联系{PHONES[1]}", COMMUNITY, ""],        # address text
        ["GD003", "2025-03-03", "", CALLERS[1], PHONES[1], "", "停车", "办结", "不满意", "", "", "", "",
         GRID2[0]],                                                                      # grid only
        ["GD004", "2025-03-04", "", CALLERS[0], PHONES[0], "", "物业", "退回", "", "", "不存在小区", "",
         COMMUNITY, ""],                                                                 # unknown compound
        ["GD005", "2025-03-05", "", "", "", "", "奇怪问题", "办结", "", "", "XQ-002", "", "", ""],  # by code
        ["GD006", "2025-03-06", "", CALLERS[0], ID_NUMBER, "", "环境卫生", "办结", "基本满意", "", "芳草别墅", "",
         COMMUNITY2, ""],
        ["GD007", "2025-03-07", "", CALLERS[0], PHONES[0], "", "", "办结", "", "", "锦城花园", "", COMMUNITY, ""],
    ]


# a phone or ID number standing alone (not inside a hex hash or a longer code)
_PERSONAL = re.compile(r"(?<![0-9A-Za-z])(?:1[3-9]\d{9}|\d{17}[\dXx])(?![0-9A-Za-z])")


def test_work_orders_placed_to_compounds_and_no_caller_data_anywhere(places_graph: neo4j.Driver,
                                                                       tmp_path: Path) -> None:
    from ingest import ingest_files

    _load_compounds(tmp_path)
    path = write_csv(tmp_path / "wo.csv", WO_HEADER, work_order_rows())
    s = ingest_files("work-orders", [path], report=tmp_path / "w.jsonl", batch_size=3)
    assert (s.rows, s.loaded, s.rejected) == (7, 6, 1), s
    report = _report(s)
    assert [(r["row"], r["column"]) for r in report if r["outcome"] == "rejected"] == [(8, "问题类别")]
    assert any(r["row"] == 5 and r["outcome"] == "warning" and r["column"] == "小区名称" for r in report)
    got = {r["uid"]: r for r in places_graph.execute_query(
        "MATCH (w:WorkOrder) OPTIONAL MATCH (w)-[:IN_COMPOUND]->(c:Compound) "
        "OPTIONAL MATCH (w)-[:IN_DIVISION]->(d) OPTIONAL MATCH (w)-[:IN_GRID]->(g) "
        "RETURN w.uid AS uid, c.name AS compound, d.code AS division, g.code AS grid, w.placement AS placement, "
        "w.category AS category, w.categoryRaw AS raw, w.status AS status, w.receivedOn AS received").records}
    assert (got["GD001"]["compound"], got["GD001"]["placement"]) == ("锦城花园", "compound-name")
    assert (got["GD002"]["compound"], got["GD002"]["placement"]) == ("锦城花园", "compound-address")
    assert (got["GD003"]["compound"], got["GD003"]["grid"], got["GD003"]["division"]) == (None, GRID2[0],
                                                                                            COMMUNITY2)
    assert (got["GD004"]["compound"], got["GD004"]["division"], got["GD004"]["status"]) == (None, COMMUNITY,
                                                                                             "returned")
    assert (got["GD005"]["compound"], got["GD005"]["category"], got["GD005"]["raw"]) == ("玉林老院", "other",
                                                                                          "奇怪问题")
    assert got["GD005"]["grid"] == GRID1[0]  # from the compound
    assert got["GD006"]["compound"] == "芳草别墅"
    assert str(got["GD001"]["received"]) == "2025-03-01"
    # the complaint text is kept for planners, masked: phone and ID numbers, and the caller's own name and phone
    # (来电人/来电号码 are read for that alone), a phone written in groups too
    content = {r["uid"]: r["content"] for r in places_graph.execute_query(
        "MATCH (w:WorkOrder) RETURN w.uid AS uid, w.content AS content").records}
    assert content["GD001"] == "我是***，电话***********，身份证******************，物业不作为"
    assert content["GD002"] == "***反映楼上噪音，回电*************或***********"
    assert content["GD003"] is None
    # nothing of the callers anywhere: every property of every node and relationship
    values = [str(v) for (props,) in places_graph.execute_query(
        "MATCH (n) RETURN properties(n) AS p UNION ALL MATCH ()-[r]->() RETURN properties(r) AS p").records
        for v in props.values()]
    assert len(values) > 100
    for text in values:
        assert not _PERSONAL.search(text), text
        assert not any(secret in text for secret in (*CALLERS, *PHONES, ID_NUMBER)), text
    again = ingest_files("work-orders", [path], report=tmp_path / "w2.jsonl")
    assert (again.unchanged, again.rejected) == (6, 1)


def test_committees_branches_members_and_needs_point_at_compounds(places_graph: neo4j.Driver,
                                                                 tmp_path: Path) -> None:
    from ingest import ingest_files

    _load_compounds(tmp_path)
    header = ["小区", "所属社区", "成立日期", "届期", "主任", "委员人数", "党员人数"]
    committees = write_csv(tmp_path / "oc.csv", header, [
        ["锦城花园", "玉林北路社区", "2021-05-01", "2021-05-01至2026-04-30", "刘主任", "7", "3"],
        ["XQ-002", "", "2022-01-01", "第一届", "", "5", "9"],            # more party members than members: flagged
        ["没有的小区", COMMUNITY, "", "", "", "", ""],                       # rejected
    ])
    s = ingest_files("owner-committees", [committees], report=tmp_path / "oc.jsonl")
    assert (s.loaded, s.rejected) == (2, 1), s
    assert [r["column"] for r in _report(s) if r["outcome"] == "rejected"] == ["小区"]
    rep = places_graph.execute_query(
        "MATCH (o:Organization:OwnersCommittee)-[r:REPRESENTS]->(c:Compound {name: '锦城花园'}) "
        "RETURN o.partyMemberCount AS pm, o.memberCount AS m, toString(r.termEnd) AS end, o.kind AS kind").records
    assert [(r["pm"], r["m"], r["end"], r["kind"]) for r in rep] == [(3, 7, "2026-04-30", "owners_committee")]
    orgs = write_csv(tmp_path / "po.csv", ["党组织名称", "组织类别", "区划代码", "所在小区"], [
        ["中共锦城花园小区支部委员会", "小区党支部", COMMUNITY, "锦城花园"],
        ["锦城花园3栋党小组", "楼栋党小组", COMMUNITY, "锦城花园"],
    ])
    assert ingest_files("party-orgs", [orgs], report=tmp_path / "po.jsonl").loaded == 2
    leads = places_graph.execute_query(
        "MATCH (p:PartyOrganization)-[:LEADS]->(c:Compound {name: '锦城花园'}) RETURN p.category AS cat "
        "ORDER BY cat").records
    assert [r["cat"] for r in leads] == ["党小组", "党支部"]
    members = write_csv(tmp_path / "pm.csv", ["身份证号", "党员状态", "报到社区编码", "居住小区"], [
        [id_number("110101", "19900307", "001"), "隐形党员", COMMUNITY, "锦城花园"],
        [id_number("110101", "19910307", "002"), "正常", COMMUNITY, "锦城花园"],
        [id_number("110101", "19920307", "003"), "正常", COMMUNITY, "别处小区"],   # loaded, warning
    ])
    sm = ingest_files("party-members", [members], report=tmp_path / "pm.jsonl")
    assert sm.loaded == 3
    warning = [r for r in _report(sm) if r["outcome"] == "warning"]
    assert len(warning) == 1 and "别处小区" not in warning[0]["reason"]  # no value of a personal row
    resident = places_graph.execute_query(
        "MATCH (m:PartyMember)-[:RESIDES_IN]->(c:Compound {name: '锦城花园'}) RETURN count(m) AS n").records
    assert resident[0]["n"] == 2
    needs = write_csv(tmp_path / "needs.csv", ["需求编号", "需求标题", "需求类别", "区划代码", "所在小区"], [
        ["N1", "小区文艺汇演", "文体活动", COMMUNITY, "锦城花园"]])
    assert ingest_files("needs", [needs], report=tmp_path / "n.jsonl").loaded == 1
    assert places_graph.execute_query(
        "MATCH (:Need {uid: 'N1'})-[:IN_COMPOUND]->(c:Compound) RETURN c.name AS n").records[0]["n"] == "锦城花园"


def test_other_formats_and_english_aliases(places_graph: neo4j.Driver, tmp_path: Path) -> None:
    from openpyxl import Workbook

    from ingest import ingest_files

    jsonl = tmp_path / "compounds.jsonl"
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"compoundName": "英文花园", "type": "commodity", "community": COMMUNITY, "households": 300,
         "managementMode": "none"},
        {"type": "old_courtyard", "community": COMMUNITY},                   # no name: rejected
    ]) + "\n", encoding="utf-8")
    s = ingest_files("compounds", [jsonl], report=tmp_path / "cj.jsonl")
    assert (s.loaded, s.rejected) == (1, 1), s
    wb = Workbook()
    ws = wb.active
    ws.append(["武侯区12345热线工单导出（演示）"])                                  # a title row above the header
    ws.append(["工单编号", "受理时间", "来电人", "来电号码", "问题类别", "小区名称", "所属社区"])
    ws.append(["X1", "2025-04-01 08:00:00", CALLERS[0], PHONES[0], "物业管理", "英文花园", COMMUNITY])
    ws.append(["X2", "2025-04-02", CALLERS[1], PHONES[1], None, "英文花园", COMMUNITY])     # no category
    wb.save(tmp_path / "wo.xlsx")
    w = ingest_files("work-orders", [tmp_path / "wo.xlsx"], report=tmp_path / "wx.jsonl")
    assert (w.loaded, w.rejected) == (1, 1), w
    gbk = write_csv(tmp_path / "wo-gbk.csv", ["工单编号", "受理时间", "问题类别", "小区名称", "所属社区"],
                    [["X3", "2025年4月3日", "噪音扰民", "英文花园", COMMUNITY]], encoding="gb18030")
    assert ingest_files("work-orders", [gbk], report=tmp_path / "wg.jsonl").loaded == 1
    got = places_graph.execute_query(
        "MATCH (w:WorkOrder)-[:IN_COMPOUND]->(c:Compound {name: '英文花园'}) RETURN w.uid AS uid, "
        "w.category AS category ORDER BY uid").records
    assert [(r["uid"], r["category"]) for r in got] == [("X1", "property"), ("X3", "noise")]


def test_a_shifted_row_keeps_no_phone_in_graph_or_report(tmp_path: Path) -> None:
    """A row shifted by a column puts the caller's phone in 问题类别 / 小区名称: masked in the raw word kept, in the
    flag and in the warning (no database needed: the transform decides what is stored and reported)."""
    from ingest.kinds import transform
    from ingest.places import Places
    from ingest.transform import Context

    rec = transform("work-orders", {"id": "S1", "category": PHONES[0], "status": ID_NUMBER, "compound": PHONES[1]},
                    Context(Places()))
    stored = json.dumps(rec.props, ensure_ascii=False, default=str)
    reasons = " ".join(i.reason for i in rec.issues)
    assert rec.props["category"] == "other" and rec.props["categoryRaw"] == "*" * 11
    for secret in (*PHONES, ID_NUMBER):
        assert secret not in stored and secret not in reasons, (stored, reasons)
