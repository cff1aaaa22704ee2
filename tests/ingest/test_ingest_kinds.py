"""Every kind loads, in the formats exports come in (XLSX with title rows, JSONL, CSV), with its relationships."""

from __future__ import annotations

import json
from pathlib import Path

import neo4j
import openpyxl
import pytest
from ingest_fixtures import COMMUNITY, COMMUNITY2, ENT_HEADER, GRID1, STREET, enterprise_rows, write_csv

from ingest import ingest_files
from ingest.report import read_report

pytestmark = pytest.mark.neo4j

ID_NUMBER = "11010519491231002X"


def _xlsx_with_titles(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["成都市武侯区事业单位和机关法人登记信息"])
    ws.append(["导出日期：2025-06-30"])
    ws.append(["统一社会信用代码", "单位名称", "单位类别", "举办单位", "区划代码"])
    ws.append(["12510107MB0000001X", "武侯区玉林社区卫生服务中心", "事业单位", "武侯区卫健局", COMMUNITY])
    ws.append([None, "武侯区玉林街道办事处", "机关", None, STREET])
    wb.save(path)
    return path


def test_every_kind_loads_with_its_relationships(places_graph: neo4j.Driver, tmp_path: Path) -> None:
    t = tmp_path
    files: list[tuple[str, Path]] = [
        ("enterprises", write_csv(t / "ent.csv", ENT_HEADER, enterprise_rows())),
        ("public-units", _xlsx_with_titles(t / "units.xlsx")),
        ("social-orgs", write_csv(t / "so.csv", ["uscc", "name", "orgType", "divisionCode"],
                                  [["52510107MJ0000001A", "玉林志愿服务协会", "社会团体", COMMUNITY]])),
    ]
    party = [
        {"党组织编号": "P1", "党组织名称": "中共玉林街道工作委员会", "组织类别": "党工委", "领导区域编码": STREET,
         "区划代码": STREET},
        {"党组织编号": "P3", "党组织名称": "中共成都玉林科技有限公司支部委员会", "组织类别": "党支部",
         "上级党组织": "中共玉林北路社区委员会", "所在单位统一社会信用代码": "91350100M000100Y43"},
        {"党组织编号": "P2", "党组织名称": "中共玉林北路社区委员会", "组织类别": "党委", "上级党组织": "P1",
         "领导区域编码": COMMUNITY, "区划代码": COMMUNITY},
        {"党组织编号": "P4", "党组织名称": "中共网格一党支部", "组织类别": "支部", "上级党组织": "P2",
         "领导区域编码": GRID1[0], "所在单位名称": "玉林小面馆；玉林志愿服务协会", "党员人数": "7"},
    ]
    (t / "party.jsonl").write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in party), encoding="utf-8")
    files.append(("party-orgs", t / "party.jsonl"))
    files += [
        ("resources", write_csv(t / "res.csv", ["资源编号", "资源名称", "资源类别",
                                                "提供单位统一社会信用代码", "开放星期", "开放时间", "经度", "纬度"],
                                [["R1", "会议室", "场地阵地", "91350100M000100Y43", "1-5", "09:00-17:00", "104.055",
                                  "30.625"]])),
        ("needs", write_csv(t / "needs.csv", ["需求编号", "需求标题", "需求类别", "紧急程度", "状态", "网格编码"],
                            [["N1", "老人助餐", "养老服务", "高", "待认领", GRID1[0]]])),
        ("projects", write_csv(t / "proj.csv", ["项目编号", "项目名称", "需求编号", "资源编号",
                                                "牵头单位统一社会信用代码", "状态", "评分", "区划代码"],
                               [["J1", "长者食堂", "N1", "R1", "91350100M000100Y43", "实施中", "5", COMMUNITY]])),
        ("agreements", write_csv(t / "agr.csv", ["协议编号", "协议名称", "签约单位统一社会信用代码", "签约社区编码",
                                                 "签订日期"],
                                 [["A1", "结对共建协议", "91350100M000100Y43;914403001922038216", COMMUNITY2,
                                   "2024年3月1日"]])),
        ("memberships", write_csv(t / "mem.csv", ["记录类型", "单位统一社会信用代码", "单位名称",
                                                  "组织名称", "组织类型", "覆盖区域编码", "职务", "报到社区编码",
                                                  "日期"],
                                  [["兼职委员", "914403001922038216", "", "玉林北路社区大党委", "社区大党委", COMMUNITY,
                                    "兼职委员", "", "2024-01-01"],
                                   ["双报到", "", "玉林志愿服务协会", "", "", "", "", COMMUNITY, "2024-02-01"]])),
        ("party-members", write_csv(t / "pm.csv", ["身份证号", "姓名", "联系电话", "党员状态", "所属党组织",
                                                   "报到社区编码", "网格编码"],
                                    [[ID_NUMBER, "张三", "13800000000", "流动", "P4", COMMUNITY, GRID1[0]]])),
    ]
    for kind, path in files:
        s = ingest_files(kind, [path], report=t / f"{kind}.jsonl")
        assert (s.rows, s.rejected) == (s.loaded, 0), (kind, read_report(t / f"{kind}.jsonl"))
        warnings = [r for r in read_report(t / f"{kind}.jsonl") if r["outcome"] == "warning"]
        assert warnings == [], kind
    rels = {(r["a"], r["t"], r["b"]) for r in places_graph.execute_query(
        "MATCH (a)-[r]->(b) WHERE NOT type(r) IN ['PART_OF', 'IN_DIVISION', 'SAME_AS'] "
        "RETURN coalesce(a.partyOrgId, a.uid, a.code) AS a, type(r) AS t, "
        "coalesce(b.partyOrgId, CASE WHEN b:Organization OR b:Alliance THEN b.name END, b.uid, b.code) "
        "AS b", database_="neo4j").records}
    member = next(a for a, t, _ in rels if t == "MEMBER_OF" and len(a) == 24)
    assert {
        ("P1", "LEADS", STREET + "000"), ("P2", "SUBORDINATE_TO", "P1"), ("P3", "SUBORDINATE_TO", "P2"),
        ("P4", "SUBORDINATE_TO", "P2"), ("P3", "HOSTED_BY", "成都玉林科技有限公司"), ("P4", "HOSTED_BY", "玉林小面馆"),
        ("P4", "HOSTED_BY", "玉林志愿服务协会"), ("P4", "LEADS", f"LOCAL:{GRID1[0]}"),
        ("91350100M000100Y43", "PROVIDES", "R1"), ("R1", "IN_GRID", f"LOCAL:{GRID1[0]}"),
        ("N1", "IN_GRID", f"LOCAL:{GRID1[0]}"), ("J1", "ADDRESSES", "N1"), ("J1", "USES", "R1"),
        ("J1", "LED_BY", "成都玉林科技有限公司"), ("A1", "SIGNED_BY", "华为技术有限公司(成都)"),
        ("A1", "COVERS", COMMUNITY2), ("914403001922038216", "MEMBER_OF", "玉林北路社区大党委"),
        ("52510107MJ0000001A", "REPORTED_TO", COMMUNITY), (member, "MEMBER_OF", "P4"),
        (member, "REPORTED_TO", COMMUNITY), (member, "IN_GRID", f"LOCAL:{GRID1[0]}"),
    } <= rels
    alliance = places_graph.execute_query("MATCH (a:Alliance)-[:COVERS]->(d) RETURN a.kind AS k, d.code AS c",
                                          database_="neo4j").records
    assert [(r["k"], r["c"]) for r in alliance] == [("community_committee", COMMUNITY)]
    units = places_graph.execute_query("MATCH (u:PublicUnit) RETURN u.name AS n ORDER BY n", database_="neo4j")
    assert [r["n"] for r in units.records] == ["武侯区玉林社区卫生服务中心", "武侯区玉林街道办事处"]
    # the ID number is nowhere: not in the graph, not in any report
    everything = places_graph.execute_query("MATCH (n) RETURN properties(n) AS p", database_="neo4j").records
    dump = json.dumps([dict(r["p"]) for r in everything], default=str)
    assert ID_NUMBER[:17] not in dump
    assert all(ID_NUMBER[:17] not in p.read_text(encoding="utf-8") for p in t.glob("*.jsonl") if p.stem != "party")
