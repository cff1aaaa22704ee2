"""``--snapshot`` against the real Neo4j: what counts as "missing", and the inputs that must never deactivate.

A snapshot deactivates the organizations of ONE kind and ONE source that the dump does not name (issue #11: an
empty dump deactivated the whole source; a snapshot of one kind deactivated the other kinds of the source; a
rejected row deactivated the organization it names).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import neo4j
import pytest
from ingest_fixtures import COMMUNITY, ENT_HEADER, enterprise_rows

from ingest import ingest_files
from ingest.errors import InputError
from ingest.report import read_report

pytestmark = pytest.mark.neo4j

SOCIAL_HEADER = ["统一社会信用代码", "社会组织名称", "社会组织类型", "登记状态", "区划代码"]
PARTY_HEADER = ["党组织编号", "党组织名称", "组织类别", "区划代码"]


def inactive(drv: neo4j.Driver) -> list[str]:
    """Names of the organizations a snapshot has deactivated."""
    with drv.session(database="neo4j") as s:
        return sorted(r["n"] for r in s.run("MATCH (o:Organization) WHERE o.active = false RETURN o.name AS n"))


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The real ``gridlink`` entry point in a child process (its error handler included)."""
    return subprocess.run([sys.executable, "-c", "from gridlink.cli import main; main()", *args],
                          capture_output=True, text=True, check=False, timeout=300)


def load_enterprises(tmp_path: Path, csv_writer: Callable[..., Path], source: str = "scjg") -> None:
    s = ingest_files("enterprises", [csv_writer("v1.csv", ENT_HEADER, enterprise_rows())], source=source,
                     report=tmp_path / "v1.jsonl")
    assert s.loaded == 6


@pytest.mark.parametrize("content", ["", "\ufeff", ",".join(ENT_HEADER) + "\n"],
                         ids=["empty", "bom-only", "header-only"])
def test_snapshot_of_an_empty_dump_is_an_error_and_deactivates_nothing(
        places_graph: neo4j.Driver, tmp_path: Path, csv_writer: Callable[..., Path], content: str) -> None:
    load_enterprises(tmp_path, csv_writer)
    empty = tmp_path / "empty.csv"
    empty.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="no data rows"):
        ingest_files("enterprises", [empty], source="scjg", snapshot=True, report=tmp_path / "e.jsonl")
    assert inactive(places_graph) == []
    res = cli("ingest", "enterprises", str(empty), "--source", "scjg", "--snapshot",
              "--report", str(tmp_path / "c.jsonl"))
    assert res.returncode == 1, res.stderr
    assert "empty.csv has no data rows" in res.stderr and "Traceback" not in res.stderr
    assert inactive(places_graph) == []


def test_empty_dumps_of_every_format_are_errors_for_a_snapshot(places_graph: neo4j.Driver, tmp_path: Path,
                                                               csv_writer: Callable[..., Path]) -> None:
    """Siblings of the empty CSV: blank JSONL lines, a FeatureCollection without features, a header-only sheet."""
    import openpyxl

    load_enterprises(tmp_path, csv_writer)
    (tmp_path / "e.jsonl").write_text("\n\n", encoding="utf-8")
    (tmp_path / "e.geojson").write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    wb = openpyxl.Workbook()
    wb.active.append(ENT_HEADER)  # type: ignore[union-attr]
    wb.save(tmp_path / "e.xlsx")
    for name in ("e.jsonl", "e.geojson", "e.xlsx"):
        with pytest.raises(InputError, match=f"{name} has no data rows"):
            ingest_files("enterprises", [tmp_path / name], source="scjg", snapshot=True,
                         report=tmp_path / "e.jsonl.report.jsonl")
    assert inactive(places_graph) == []


def test_snapshot_of_one_empty_file_among_full_ones_is_an_error(places_graph: neo4j.Driver, tmp_path: Path,
                                                                 csv_writer: Callable[..., Path]) -> None:
    load_enterprises(tmp_path, csv_writer)
    full = csv_writer("part1.csv", ENT_HEADER, enterprise_rows()[:2])
    empty = csv_writer("part2.csv", ENT_HEADER, [])
    with pytest.raises(InputError, match="part2.csv has no data rows"):
        ingest_files("enterprises", [full, empty], source="scjg", snapshot=True, report=tmp_path / "e.jsonl")
    assert inactive(places_graph) == []


def test_snapshot_whose_rows_are_all_rejected_is_an_error(places_graph: neo4j.Driver, tmp_path: Path,
                                                          csv_writer: Callable[..., Path]) -> None:
    load_enterprises(tmp_path, csv_writer)
    bad = csv_writer("bad.csv", ENT_HEADER, [["", "坏区划公司", "", "", "", "", "", "510107999999", "", "", ""]])
    with pytest.raises(InputError, match="no row of the snapshot was taken"):
        ingest_files("enterprises", [bad], source="scjg", snapshot=True, report=tmp_path / "b.jsonl")
    assert inactive(places_graph) == []


def test_empty_file_without_snapshot_is_a_counted_warning(places_graph: neo4j.Driver, tmp_path: Path,
                                                          csv_writer: Callable[..., Path]) -> None:
    full = csv_writer("full.csv", ENT_HEADER, enterprise_rows()[:2])
    empty = csv_writer("header-only.csv", ENT_HEADER, [])
    s = ingest_files("enterprises", [full, empty], report=tmp_path / "w.jsonl")
    assert (s.rows, s.loaded, s.warnings) == (2, 2, 1)
    warnings = [r for r in read_report(tmp_path / "w.jsonl") if r["outcome"] == "warning"]
    assert [(w["file"], w["reason"]) for w in warnings] == [("header-only.csv", "the file has no data rows")]
    res = cli("ingest", "enterprises", str(empty), "--report", str(tmp_path / "c.jsonl"))
    assert res.returncode == 0 and "1 warnings" in res.stderr, res.stderr


def test_snapshot_leaves_other_kinds_of_the_same_source_alone(places_graph: neo4j.Driver, tmp_path: Path,
                                                              csv_writer: Callable[..., Path]) -> None:
    social = csv_writer("so.csv", SOCIAL_HEADER, [["", "玉林社区志愿者协会", "社会团体", "正常", COMMUNITY]])
    assert ingest_files("social-orgs", [social], source="shared", report=tmp_path / "so.jsonl").loaded == 1
    party = csv_writer("po.csv", PARTY_HEADER, [["DZ001", "玉林北路社区党委", "党委", COMMUNITY]])
    assert ingest_files("party-orgs", [party], source="shared", report=tmp_path / "po.jsonl").loaded == 1
    load_enterprises(tmp_path, csv_writer, source="shared")
    s = ingest_files("enterprises", [csv_writer("v2.csv", ENT_HEADER, enterprise_rows()[1:])], source="shared",
                     snapshot=True, report=tmp_path / "v2.jsonl")
    assert s.deactivated == 1
    assert inactive(places_graph) == ["成都玉林科技有限公司"]
    # the sibling: a party-organization snapshot of the same source leaves the enterprises and the society alone
    other = csv_writer("po2.csv", PARTY_HEADER, [["DZ002", "玉林东路社区党委", "党委", COMMUNITY]])
    p = ingest_files("party-orgs", [other], source="shared", snapshot=True, report=tmp_path / "po2.jsonl")
    assert p.deactivated == 1
    assert inactive(places_graph) == ["成都玉林科技有限公司", "玉林北路社区党委"]


def test_snapshot_leaves_other_sources_of_the_same_kind_alone(places_graph: neo4j.Driver, tmp_path: Path,
                                                              csv_writer: Callable[..., Path]) -> None:
    load_enterprises(tmp_path, csv_writer, source="scjg")
    other = csv_writer("o.csv", ENT_HEADER, [["", "别的来源公司", "", "", "", "存续", "", COMMUNITY, "", "", ""]])
    assert ingest_files("enterprises", [other], source="other", report=tmp_path / "o.jsonl").loaded == 1
    s = ingest_files("enterprises", [csv_writer("v2.csv", ENT_HEADER, enterprise_rows()[1:])], source="scjg",
                     snapshot=True, report=tmp_path / "v2.jsonl")
    assert s.deactivated == 1 and "别的来源公司" not in inactive(places_graph)


def test_rejected_row_naming_an_organization_keeps_it_active(places_graph: neo4j.Driver, tmp_path: Path,
                                                             csv_writer: Callable[..., Path]) -> None:
    load_enterprises(tmp_path, csv_writer)
    rows = enterprise_rows()
    rows[0][1] = ""  # blank name, valid credit code 91350100M000100Y43: rejected, yet present in the dump
    rows[3][7] = "510107999999"  # 玉林小面馆 (no credit code): an unknown division code rejects it
    s = ingest_files("enterprises", [csv_writer("v2.csv", ENT_HEADER, rows)], source="scjg", snapshot=True,
                     report=tmp_path / "v2.jsonl")
    assert (s.rejected, s.deactivated) == (2, 0)
    assert inactive(places_graph) == []
    # and a dump that really lacks them still deactivates both
    s2 = ingest_files("enterprises", [csv_writer("v3.csv", ENT_HEADER, rows[1:3] + rows[4:])], source="scjg",
                      snapshot=True, report=tmp_path / "v3.jsonl")
    assert s2.deactivated == 2
    assert inactive(places_graph) == ["成都玉林科技有限公司", "玉林小面馆"]
