"""The small ingest defects users met (issue #11.20), each against the real Neo4j or the real reader."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import neo4j
import pytest
from ingest_fixtures import COMMUNITY, COMMUNITY2, ENT_HEADER

from ingest import ingest_files
from ingest.readers import ERROR, read_rows
from ingest.report import read_report

VALID = "91350100M000100Y43"  # a valid credit code (codes.py's worked example)


def q(drv: neo4j.Driver, cypher: str, **params: object) -> list[dict[str, object]]:
    with drv.session(database="neo4j") as s:
        return s.run(cypher, params).data()  # type: ignore[arg-type]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from gridlink.cli import main; main()", *args],
                          capture_output=True, text=True, check=False, timeout=300)


def row(code: str, name: str, status: str = "存续", division: str = COMMUNITY) -> list[str]:
    return [code, name, "有限责任公司", "", "", status, "", division, "", "", ""]


def warnings(path: Path) -> list[dict[str, object]]:
    return [r for r in read_report(path) if r["outcome"] == "warning"]


@pytest.mark.neo4j
def test_one_key_twice_with_different_content_is_reported(places_graph: neo4j.Driver, tmp_path: Path,
                                                          csv_writer: Callable[..., Path]) -> None:
    rows = [row(VALID, "成都玉林科技有限公司"), row("", "别的公司"), row(VALID, "成都玉林科技有限公司", "注销"),
            row("", "别的公司")]  # the second 别的公司 row is the same row again: nothing to say
    s = ingest_files("enterprises", [csv_writer("dup.csv", ENT_HEADER, rows)], report=tmp_path / "d.jsonl")
    assert (s.rows, s.rejected, s.warnings) == (4, 0, 1)
    (w,) = warnings(tmp_path / "d.jsonl")
    assert w["row"] == 4 and f"same key {VALID} as row 2 of dup.csv with different content" in str(w["reason"])
    again = ingest_files("enterprises", [csv_writer("dup.csv", ENT_HEADER, rows)], report=tmp_path / "d2.jsonl")
    assert again.warnings == 1  # a re-run says it again (and why its rows are `updated`)


@pytest.mark.neo4j
def test_unrecognised_columns_are_listed_in_summary_report_and_cli(places_graph: neo4j.Driver, tmp_path: Path,
                                                                   csv_writer: Callable[..., Path]) -> None:
    header = [*ENT_HEADER, "成立登记日期", ""]  # 民政's column; a blank header is no column to name
    path = csv_writer("extra.csv", header, [[*row("", "某公司"), "2020-01-01", ""]])
    s = ingest_files("enterprises", [path], report=tmp_path / "x.jsonl")
    assert s.loaded == 1 and s.unrecognised_columns == {"extra.csv": ["成立登记日期"]}
    (w,) = warnings(tmp_path / "x.jsonl")
    assert "成立登记日期" in str(w["reason"]) and s.warnings == 1
    res = cli("ingest", "enterprises", str(path), "--report", str(tmp_path / "c.jsonl"))
    assert res.returncode == 0 and "columns not recognised" in res.stderr and "成立登记日期" in res.stderr


@pytest.mark.parametrize(("content", "forced", "failed"), [
    (bytes(range(256)) * 8, None, "gb18030"),
    (bytes(range(256)) * 8, "utf-8", "utf-8"),
    (b"PK\x03\x04" + bytes(range(256)) * 4, None, "gb18030"),
], ids=["binary-detected", "binary-forced-utf8", "xlsx-named-csv"])
def test_undecodable_file_error_never_suggests_the_encoding_that_failed(tmp_path: Path, content: bytes,
                                                                        forced: str | None, failed: str) -> None:
    path = tmp_path / "dump.csv"
    path.write_bytes(content)
    res = cli("ingest", "enterprises", str(path), *(["--encoding", forced] if forced else []))
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert f"dump.csv is not valid {failed}" in res.stderr
    fix = res.stderr.split("how to fix:", 1)[1]
    assert f"--encoding {failed}" not in fix
    if content.startswith(b"PK"):
        assert "--format xlsx" in fix


def test_malformed_json_line_is_reported_at_its_column(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    lines = ['{"企业名称": "甲", "统一社会信用代码": "x"', '{"企业名称": "乙",}', '{"企业名称": "丙"} 多余']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = [cells[ERROR] for _, cells in read_rows(path)]
    # 1-based character columns: the end of the unclosed object, the stray comma's successor, the extra text
    assert errors == [f"invalid JSON: Expecting ',' delimiter at column {len(lines[0]) + 1}",
                      "invalid JSON: Expecting property name enclosed in double quotes at column "
                      f"{lines[1].index(',}') + 2}",
                      f"invalid JSON: Extra data at column {lines[2].index('多') + 1}"]


@pytest.mark.neo4j
def test_excel_mangled_code_duplicate_is_scored_as_one_without_a_code(places_graph: neo4j.Driver, tmp_path: Path,
                                                                       csv_writer: Callable[..., Path]) -> None:
    rows = [row(VALID, "成都玉林科技有限公司"), row("9.1350100E+17", "成都玉林科技有限公司", division=COMMUNITY2)]
    s = ingest_files("enterprises", [csv_writer("m.csv", ENT_HEADER, rows)], report=tmp_path / "m.jsonl")
    assert (s.loaded, s.flagged, s.same_as) == (2, 1, 1)
    links = q(places_graph, "MATCH ()-[s:SAME_AS]->() RETURN s.score AS score, s.reason AS reason")
    assert links == [{"score": 0.8, "reason": "same normalized name, one has no credit code"}]
    again = ingest_files("enterprises", [csv_writer("m.csv", ENT_HEADER, rows)], report=tmp_path / "m2.jsonl")
    assert (again.same_as, again.same_as_removed) == (0, 0)  # stable on a re-run


@pytest.mark.neo4j
def test_every_division_has_its_first_run(places_graph: neo4j.Driver) -> None:
    counts = q(places_graph, "MATCH (d:Division) RETURN count(*) AS n, count(d.firstRunId) AS first")
    assert counts[0]["n"] > 50 and counts[0]["first"] == counts[0]["n"]


@pytest.mark.parametrize(("cell", "code", "raw"), [
    ("I", "I", None), ("i65", "I65", None), ("6513", "6513", None),
    ("信息传输、软件和信息技术服务业", "I", "信息传输、软件和信息技术服务业"), ("教育", "P", "教育"),
    ("软件和信息技术服务业", None, "软件和信息技术服务业"),  # a 大类 name: not mapped, kept and flagged
])
def test_industry_is_stored_as_its_gb_t_4754_code(cell: str, code: str | None, raw: str | None) -> None:
    from ingest.kinds import transform
    from ingest.places import Places
    from ingest.transform import Context

    rec = transform("enterprises", {"name": "某公司", "industry": cell}, Context(Places()))
    assert rec.props["industry"] == code and rec.props.get("industryRaw") == raw
    assert bool([i for i in rec.issues if i.field == "industry"]) == (code is None)
