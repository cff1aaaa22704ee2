"""Hostile files through the real ingest path on the real Neo4j: every input row ends in exactly one outcome,
injection strings and formulas are stored as plain data, and nothing already in the graph is touched."""

from __future__ import annotations

import csv
import io
import json
import uuid
from pathlib import Path
from typing import Any

import neo4j
import openpyxl
import pytest
from fuzz_budget import counted, fuzz_settings
from fuzz_files import FORMULAS, INJECTIONS, cell_text
from hypothesis import given
from hypothesis import strategies as st
from neo4j_helpers import wipe

from ingest import ingest_files
from ingest.cells import sanitize
from ingest.report import read_report

pytestmark = pytest.mark.neo4j

COMMUNITY, STREET, GRID = "510107005001", "510107005000", "510107005001001"
HEADER = ["统一社会信用代码", "企业名称", "登记状态", "住所", "区划代码", "网格编码", "经度", "纬度", "成立日期",
          "从业人数"]
_GOOD = {"统一社会信用代码": ["91350100M000100Y43", "914403001922038216", "91350100M0001TGQXM", "9.13501E+17"],
         "区划代码": [COMMUNITY, STREET, "510107", "999999999999"], "网格编码": [GRID, "000"],
         "经度": ["104.055", "abc"], "纬度": ["30.625", "1e309"], "登记状态": ["存续", "注销"],
         "成立日期": ["2020-02-30", "2015-03-01"], "从业人数": ["12人", "-5"]}


def _counts(drv: neo4j.Driver) -> dict[str, int]:
    rows = drv.execute_query("MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n", database_="neo4j").records
    return {r["label"]: r["n"] for r in rows}


@pytest.fixture(scope="module")
def places(driver: neo4j.Driver, tmp_path_factory: pytest.TempPathFactory) -> neo4j.Driver:
    """A wiped graph with one district, street and community (real codes) and one grid, loaded by ingest."""
    wipe(driver)
    tmp = tmp_path_factory.mktemp("places")
    tables = {"areas.csv": [["code", "name", "cityCode"], ["510107", "武侯区", "5101"]],
              "streets.csv": [["code", "name", "areaCode"], ["510107005", "玉林街道", "510107"]],
              "villages.csv": [["code", "name", "streetCode"], [COMMUNITY, "玉林北路社区居委会", "510107005"]]}
    for name, rows in tables.items():
        with (tmp / name).open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
    assert ingest_files("divisions", [tmp / n for n in tables], report=tmp / "d.jsonl").rejected == 0
    ring = [[104.05, 30.62], [104.06, 30.62], [104.06, 30.63], [104.05, 30.63], [104.05, 30.62]]
    (tmp / "g.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
         "properties": {"网格编码": GRID, "网格名称": "第一网格", "社区编码": COMMUNITY}}]}), encoding="utf-8")
    assert ingest_files("grids", [tmp / "g.geojson"], report=tmp / "g.jsonl").loaded == 1
    return driver


_printable = cell_text.map(lambda s: "".join(ch for ch in s if ch >= " " or ch in "\t\n\r"))


@st.composite
def enterprise_files(draw: st.DrawFn) -> tuple[str, list[list[str]]]:
    fmt = draw(st.sampled_from(("csv", "jsonl", "xlsx")))
    rows = []
    for _ in range(draw(st.integers(1, 8))):
        row = []
        for h in HEADER:
            pool = [_printable, st.sampled_from(INJECTIONS + FORMULAS)] + \
                ([st.sampled_from(_GOOD[h])] * 3 if h in _GOOD else [])
            row.append(draw(st.one_of(*pool)))
        rows.append(row)
    return fmt, rows


def _write(tmp: Path, fmt: str, rows: list[list[str]]) -> tuple[Path, list[tuple[int, list[str]]]]:
    """The file, and the (row number, cells) of each row a reader must see (blank rows are not rows)."""
    if fmt == "csv":
        buf = io.StringIO()
        csv.writer(buf).writerows([HEADER, *rows])
        path = tmp / "dump.csv"
        path.write_text(buf.getvalue().replace("\x00", ""), encoding="utf-8")
        rows = [[c.replace("\x00", "") for c in r] for r in rows]
    elif fmt == "xlsx":
        wb = openpyxl.Workbook()
        wb.active.append(HEADER)
        for r in rows:
            wb.active.append(r)
            for cell in wb.active[wb.active.max_row]:
                cell.data_type = "s"  # text cells, even when they start with '=': a formula cell has no value
        path = tmp / "dump.xlsx"
        wb.save(path)
    else:
        path = tmp / "dump.jsonl"
        path.write_text("\n".join(json.dumps(dict(zip(HEADER, r, strict=True)), ensure_ascii=False) for r in rows)
                        + "\n", encoding="utf-8")
        return path, [(i + 1, r) for i, r in enumerate(rows)]
    return path, [(i + 2, r) for i, r in enumerate(rows) if any(sanitize(c) is not None for c in r)]


@fuzz_settings(15)
@given(case=enterprise_files())
@counted
def test_every_row_is_accounted_for_and_nothing_is_executed(places, tmp_path_factory, case):
    fmt, rows = case
    tmp = tmp_path_factory.mktemp("ent")
    path, expected = _write(tmp, fmt, rows)
    before = _counts(places)

    summary = ingest_files("enterprises", [path], report=tmp / "r.jsonl", source="fuzz")

    assert summary.rows == len(expected), (summary, expected)
    assert summary.rows == summary.loaded + summary.updated + summary.unchanged + summary.rejected
    report = read_report(tmp / "r.jsonl")
    rejected = {line["row"] for line in report if line["outcome"] == "rejected"}
    assert len(rejected) == summary.rejected and rejected <= {n for n, _ in expected}
    assert all(line["reason"] and line["row"] for line in report)
    after = _counts(places)
    for label in ("Division", "Grid"):  # injections in cells did not reach the structure of the graph
        assert after.get(label) == before.get(label), (label, before, after)
    assert all(after.get(k, 0) >= v for k, v in before.items()), (before, after)
    name_col = HEADER.index("企业名称")
    for number, cells in expected:  # names of taken rows are stored verbatim (sanitized), never run
        name = sanitize(cells[name_col])
        if number not in rejected and name is not None:
            found = places.execute_query("MATCH (o:Organization {name: $name}) RETURN count(o) AS n",
                                         name=name, database_="neo4j").records[0]["n"]
            assert found >= 1, (name, number)


@pytest.mark.parametrize("value", INJECTIONS + FORMULAS)
def test_injection_and_formula_cells_are_stored_as_data(places, tmp_path, value):
    before = _counts(places)
    path, _ = _write(tmp_path, "csv", [["", value, value, value, COMMUNITY, "", "", "", "", ""]])
    source = f"fuzz-injection-{uuid.uuid4().hex[:8]}"  # other tests may have stored the same name elsewhere
    summary = ingest_files("enterprises", [path], report=tmp_path / "r.jsonl", source=source)
    assert (summary.rows, summary.rejected) == (1, 0), summary
    got = places.execute_query("MATCH (o:Organization {name: $name, source: $source}) RETURN o.statusRaw AS status, "
                               "o.address AS address", name=sanitize(value), source=source,
                               database_="neo4j").records
    assert [(r["status"], r["address"]) for r in got] == [(sanitize(value), sanitize(value))]
    after = _counts(places)
    assert after.get("Organization", 0) - before.get("Organization", 0) == summary.loaded
    assert {k: v for k, v in after.items() if k not in ("Organization", "IngestRun")} == \
        {k: v for k, v in before.items() if k not in ("Organization", "IngestRun")}


@pytest.mark.parametrize("column", ["企业名称", "住所", "统一社会信用代码", "区划代码"])
def test_a_one_megabyte_cell_ends_in_an_outcome(places, tmp_path, column):
    """1 MB in one cell of a three-row file: the file is read, the two good rows load, the big one has an
    outcome too (loaded, or rejected with a reason naming its column) and the run completes."""
    huge = "成都" * (1 << 19 // 6 * 6 >> 1)  # ~1 MB of UTF-8
    rows = [["", f"正常企业{i}", "存续", "玉林北路", COMMUNITY, "", "", "", "", ""] for i in range(3)]
    rows[1][HEADER.index(column)] = huge
    path, _ = _write(tmp_path, "csv", rows)
    summary = ingest_files("enterprises", [path], report=tmp_path / "r.jsonl", source="fuzz-huge")
    assert summary.rows == 3 and summary.loaded + summary.updated + summary.unchanged >= 2, summary
    if summary.rejected:
        (line,) = [x for x in read_report(tmp_path / "r.jsonl") if x["outcome"] == "rejected"]
        assert line["row"] == 3 and line["column"] == column, line


def test_csv_report_neutralizes_formulas(places, tmp_path):
    """A reject report opened in Excel must not run a formula that came from the input (a header or value)."""
    header = list(HEADER)
    header[HEADER.index("区划代码")] = "=HYPERLINK(\"http://example.invalid\",\"x\")"
    path = tmp_path / "dump.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, ["", "", "", "", "", "", "", "", "", ""], ["", "x", *[""] * 8]])
    mapping = tmp_path / "m.yaml"
    mapping.write_text("columns: {name: '=cmd|'' /C calc''!A0'}\n", encoding="utf-8")
    rows = [["", "=cmd|' /C calc'!A0", *[""] * 8]]
    path, _ = _write(tmp_path, "csv", rows)
    path = path.rename(tmp_path / "=cmd.csv")
    summary = ingest_files("enterprises", [path], report=tmp_path / "r.csv", source="fuzz-report")
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as f:
        cells_out: list[Any] = [c for row in csv.reader(f) for c in row]
    assert summary.rows == 1
    assert cells_out and not any(c[:1] in ("=", "+", "-", "@") for c in cells_out), cells_out
