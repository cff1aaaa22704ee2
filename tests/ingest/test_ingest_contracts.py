"""Below the grid (issue #12): the property-contracts kind (物业项目/合同备案) and joint-mechanism agreements
(三方联动协议) on the real Neo4j."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import neo4j
from ingest_fixtures import COMMUNITY, write_csv
from test_ingest_compounds import COMPANY, COMPOUND_HEADER, compound_rows

COMPANY2 = "914403001922038216"  # a real code that passes both checks
HEADER = ["合同备案编号", "项目名称", "物业服务企业", "物业企业统一社会信用代码", "小区名称", "所属社区",
          "合同开始日期", "合同结束日期", "物业服务方式", "项目人员数", "项目党员人数"]


def _report(summary: Any) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(summary.report_path).read_text(encoding="utf-8").splitlines()]


def _base(tmp_path: Path) -> None:
    from ingest import ingest_files

    ent = write_csv(tmp_path / "ent.csv", ["统一社会信用代码", "企业名称", "区划代码"],
                    [[COMPANY, "玉林物业有限公司", COMMUNITY], [COMPANY2, "锦江物业服务有限公司", COMMUNITY]])
    assert ingest_files("enterprises", [ent], report=tmp_path / "e.jsonl").loaded == 2
    compounds = write_csv(tmp_path / "compounds.csv", COMPOUND_HEADER, compound_rows())
    assert ingest_files("compounds", [compounds], report=tmp_path / "c.jsonl").loaded == 4


def contract_rows() -> list[list[Any]]:
    """Three loadable rows (two flagged) and four rejects, each with its own reason."""
    return [
        ["HT-001", "锦城花园物业项目", "玉林物业有限公司", COMPANY, "锦城花园", "玉林北路社区", "2023-01-01",
         "2025-12-31", "物业服务企业", "20", "3"],
        ["HT-002", "", "", COMPANY2, "XQ-002", "", "2024-03-01", "2027-02-28", "单位自管", "5", "9"],  # 9 > 5
        ["HT-003", "", "", "12345", "锦城花园", "玉林北路社区", "", "", "", "", ""],            # not a code
        ["HT-004", "", "", "91350100M000100Y44", "锦城花园", "玉林北路社区", "", "", "", "", ""],  # not loaded
        ["HT-005", "", "", COMPANY, "没有的小区", COMMUNITY, "", "", "", "", ""],               # no compound
        ["HT-006", "", "", COMPANY, "锦城花园", COMMUNITY, "", "", "无物业", "", ""],           # contradiction
        ["HT-007", "", "", COMPANY2, "芳草别墅", "510107005002", "2026-01-01", "2025-01-01", "", "", ""],
    ]


def test_property_contracts_every_row_accounted_idempotent_with_counts(places_graph: neo4j.Driver,
                                                                       tmp_path: Path) -> None:
    from ingest import ingest_files

    _base(tmp_path)
    path = write_csv(tmp_path / "contracts.csv", HEADER, contract_rows())
    s = ingest_files("property-contracts", [path], report=tmp_path / "p.jsonl", batch_size=3)
    assert (s.rows, s.loaded, s.updated, s.rejected) == (7, 3, 0, 4), s
    report = _report(s)
    rejects = {r["row"]: (r["column"], r["reason"]) for r in report if r["outcome"] == "rejected"}
    assert set(rejects) == {4, 5, 6, 7}
    assert rejects[4][0] == "物业企业统一社会信用代码" and "credit code" in rejects[4][1]
    assert rejects[5][0] == "物业企业统一社会信用代码" and "not found" in rejects[5][1]
    assert rejects[6][0] == "小区名称"
    assert rejects[7][0] == "物业服务方式"
    flagged = {(r["row"], r["column"]) for r in report if r["outcome"] == "flagged"}
    assert {(3, "项目党员人数"), (8, "合同结束日期")} <= flagged
    got = {r["name"]: r for r in places_graph.execute_query(
        "MATCH (e:Organization)-[m:MANAGES]->(c:Compound) RETURN c.name AS name, e.uscc AS uscc, m.mode AS mode, "
        "toString(m.since) AS since, toString(m.until) AS until, m.contractNo AS no, m.staffCount AS staff, "
        "m.partyMemberCount AS party, m.source AS source, m.runId AS run", database_="neo4j").records}
    # 锦城花园's MANAGES came from the compounds kind first; the contract filing completed it
    assert {k: got["锦城花园"][k] for k in ("uscc", "mode", "since", "until", "no", "staff", "party", "source",
                                          "run")} == {
        "uscc": COMPANY, "mode": "company", "since": "2023-01-01", "until": "2025-12-31", "no": "HT-001",
        "staff": 20, "party": 3, "source": "property-contracts", "run": s.run_id}
    assert (got["玉林老院"]["uscc"], got["玉林老院"]["mode"], got["玉林老院"]["party"]) == (COMPANY2, "unit", 9)
    assert got["芳草别墅"]["uscc"] == COMPANY2
    again = ingest_files("property-contracts", [path], report=tmp_path / "p2.jsonl")
    assert (again.loaded, again.updated, again.unchanged, again.rejected) == (0, 0, 3, 4)


def test_a_compound_reload_neither_overwrites_nor_prunes_a_contract(places_graph: neo4j.Driver,
                                                                   tmp_path: Path) -> None:
    """The compounds kind's 物业服务企业 columns write MANAGES too: an updated compound row must leave the contract's
    relationship (period, counts, provenance) as the contract filing wrote it, and must not prune it."""
    from ingest import ingest_files

    _base(tmp_path)
    path = write_csv(tmp_path / "contracts.csv", HEADER, contract_rows())
    assert ingest_files("property-contracts", [path], report=tmp_path / "p.jsonl").loaded == 3
    rows = compound_rows()
    rows[0][5] = "1300"   # 锦城花园: households changed; same company, no contract dates in the registry
    rows[1][5] = "81"     # 玉林老院: changed; the registry names no company (its contract is with COMPANY2)
    changed = write_csv(tmp_path / "compounds2.csv", COMPOUND_HEADER, rows)
    s = ingest_files("compounds", [changed], report=tmp_path / "c2.jsonl")
    assert s.updated == 2, s
    got = {r["name"]: r for r in places_graph.execute_query(
        "MATCH (e:Organization)-[m:MANAGES]->(c:Compound) RETURN c.name AS name, e.uscc AS uscc, "
        "toString(m.since) AS since, m.partyMemberCount AS party, m.source AS source", database_="neo4j").records}
    assert (got["锦城花园"]["since"], got["锦城花园"]["party"], got["锦城花园"]["source"]) == (
        "2023-01-01", 3, "property-contracts")
    assert got["玉林老院"]["uscc"] == COMPANY2  # not pruned


def test_joint_mechanism_agreements_cover_their_compound(places_graph: neo4j.Driver, tmp_path: Path) -> None:
    from ingest import ingest_files

    _base(tmp_path)
    header = ["协议编号", "协议名称", "签约单位名称", "签约社区编码", "签订日期", "有效期至", "协议类型", "所涉小区"]
    path = write_csv(tmp_path / "ag.csv", header, [
        ["JM-1", "锦城花园三方联动协议", "玉林物业有限公司", COMMUNITY, "2025-01-01", "2027-12-31", "三方联动协议",
         "锦城花园"],
        ["JM-2", "没有小区的三方协议", "玉林物业有限公司", COMMUNITY, "", "", "三方联动协议", ""],  # compound required
        ["JM-3", "奇怪协议", "玉林物业有限公司", COMMUNITY, "", "", "口头约定", ""],               # unknown type
        ["CC-1", "共建协议", "玉林物业有限公司", COMMUNITY, "", "", "", ""],                       # default type
    ])
    s = ingest_files("agreements", [path], report=tmp_path / "a.jsonl")
    assert (s.loaded, s.rejected) == (2, 2), s
    assert sorted(r["column"] for r in _report(s) if r["outcome"] == "rejected") == ["协议类型", "所涉小区"]
    got = places_graph.execute_query(
        "MATCH (a:Agreement) OPTIONAL MATCH (a)-[:COVERS]->(c:Compound) OPTIONAL MATCH (a)-[:SIGNED_BY]->(o) "
        "RETURN a.uid AS uid, a.type AS type, c.name AS compound, o.uscc AS signer ORDER BY uid",
        database_="neo4j").records
    assert [(r["uid"], r["type"], r["compound"], r["signer"]) for r in got] == [
        ("CC-1", "co_construction", None, COMPANY), ("JM-1", "joint_mechanism", "锦城花园", COMPANY)]
