"""Community typology at ingest (issue #13 part 3): a divisions table carrying 城乡分类代码 or 社区类型 has bad values
rejected with the reason, good ones stored (docs/indicators.md)."""

from __future__ import annotations

import json
from pathlib import Path

import neo4j
import pytest
from ingest_fixtures import write_csv

from ingest import ingest_files

pytestmark = pytest.mark.neo4j

HEADER = ["code", "name", "streetCode", "城乡分类代码", "社区类型"]
ROWS = [
    ["510107005", "浆洗街街道", "", "", ""],
    ["510107005001", "好社区居委会", "510107005", "111", "商品房社区"],
    ["510107005002", "旧院社区居委会", "510107005", "112.0", "老旧院落社区"],  # Excel's float, read back
    ["510107005003", "无类社区居委会", "510107005", "121", ""],
    ["510107005004", "错码社区居委会", "510107005", "113", ""],
    ["510107005005", "错类社区居委会", "510107005", "111", "高档社区"],
    ["510107005201", "某村村民委员会", "510107005", "220", "村"],
]


def test_bad_urban_rural_class_and_community_type_are_rejected_with_the_reason(graph: neo4j.Driver,
                                                                              tmp_path: Path) -> None:
    path = write_csv(tmp_path / "villages.csv", HEADER, ROWS)
    street = write_csv(tmp_path / "streets.csv", HEADER, [["510107006", "某街道", "", "", "商品房社区"]])
    summary = ingest_files("divisions", [path, street], report=tmp_path / "r.jsonl")
    assert (summary.rows, summary.rejected) == (8, 3)
    reasons = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    rejected = {(r.get("row"), r.get("field")): r.get("message", r.get("reason", "")) for r in reasons
                if r.get("outcome") == "rejected"}
    text = json.dumps(reasons, ensure_ascii=False)
    assert "113" in text and "城乡分类代码" in text and "高档社区" in text and "only communities" in text, rejected
    with graph.session() as s:
        got = {r["code"]: (r["ur"], r["ct"]) for r in s.run(
            "MATCH (d:Division) RETURN d.code AS code, d.urbanRural AS ur, d.communityType AS ct")}
    assert got["510107005001"] == ("111", "commodity")
    assert got["510107005002"] == ("112", "old_courtyard")
    assert got["510107005003"] == ("121", None)
    assert got["510107005201"] == ("220", "village")
    assert {"510107005004", "510107005005", "510107006000"}.isdisjoint(got)
