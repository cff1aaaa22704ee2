"""Hostile files through the readers: random bytes, wrong encodings, broken XLSX/JSONL/GeoJSON, huge cells,
formula cells. Each must read, or fail as an :class:`~ingest.errors.IngestError` with a message and a hint."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from fuzz_budget import counted, fuzz_settings
from fuzz_files import (
    ENCODINGS,
    EXTENSIONS,
    FORMULAS,
    XLSX_MEMBERS,
    cell_text,
    geojson_doc,
    geometries,
    json_value,
    read_all,
    zip_bytes,
)
from hypothesis import example, given
from hypothesis import strategies as st

from ingest.cells import sanitize
from ingest.errors import IngestError, InputError
from ingest.readers import ERROR

HEADER = ["统一社会信用代码", "企业名称", "住所", "区划代码"]
KNOWN = set(HEADER)
MB = 1 << 20


def _write(tmp_path: Path, name: str, body: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(body)
    return path


@fuzz_settings(150)
@given(body=st.binary(max_size=3000), ext=st.sampled_from(EXTENSIONS))
@counted
def test_random_bytes_in_every_format(tmp_path_factory, body, ext):
    read_all(_write(tmp_path_factory.mktemp("b"), "dump" + ext, body), known_headers=KNOWN)


@fuzz_settings(100)
@given(body=st.binary(max_size=2000), fmt=st.sampled_from(("csv", "jsonl", "geojson", "xlsx")),
       encoding=st.sampled_from((*ENCODINGS, None, "no-such-codec", "rot13", "base64", "hex")))
@counted
def test_random_bytes_with_forced_format_and_encoding(tmp_path_factory, body, fmt, encoding):
    read_all(_write(tmp_path_factory.mktemp("b"), "dump.bin", body), format=fmt, encoding=encoding)


@fuzz_settings(150)
@given(rows=st.lists(st.lists(cell_text, min_size=4, max_size=4), max_size=8),
       encoding=st.sampled_from(("utf-8", "utf-8-sig", "gb18030", "utf-16")))
@example(rows=[["", "经营范围" + "\t" * 10 + "(粘贴自表格)", "", ""]], encoding="utf-8")  # tabs inside a quoted cell
@counted
def test_csv_rows_round_trip_in_detected_encodings(tmp_path_factory, rows, encoding):
    """Every data row of a CSV comes back once, sanitized, numbered by its record (header = row 1)."""
    rows = [[c.replace("\x00", "") for c in row] for row in rows]  # NUL is not text an export can hold
    buf = io.StringIO()
    csv.writer(buf).writerows([HEADER, *rows])
    try:
        body = buf.getvalue().encode(encoding)
    except UnicodeEncodeError:  # a character GB18030 / UTF-16 cannot hold: not a file anyone can write
        return
    got = read_all(_write(tmp_path_factory.mktemp("c"), "dump.csv", body), known_headers=KNOWN)
    assert not isinstance(got, IngestError), got
    expected = [(i + 2, dict(zip(HEADER, [sanitize(c) for c in row], strict=True)))
                for i, row in enumerate(rows) if any(sanitize(c) is not None for c in row)]
    assert got == expected


@fuzz_settings(60)
@given(rows=st.lists(st.lists(cell_text, min_size=4, max_size=4), min_size=1, max_size=5),
       written=st.sampled_from(ENCODINGS), read_as=st.sampled_from((*ENCODINGS, None)))
@counted
def test_csv_in_a_wrong_encoding_is_read_or_refused_clearly(tmp_path_factory, rows, written, read_as):
    buf = io.StringIO()
    csv.writer(buf).writerows([HEADER, *rows])
    body = buf.getvalue().replace("\x00", "").encode(written, errors="replace")
    got = read_all(_write(tmp_path_factory.mktemp("e"), "dump.csv", body), encoding=read_as, known_headers=KNOWN)
    if isinstance(got, InputError) and "not valid" in str(got):
        assert "--encoding" in (got.hint or "")


@fuzz_settings(40)
@given(lines=st.lists(st.one_of(json_value.map(lambda v: json.dumps(v, ensure_ascii=False)),
                                st.dictionaries(cell_text, json_value, max_size=4).map(json.dumps),
                                cell_text, st.just("{\"name\": \"未闭合")), max_size=10))
@counted
def test_jsonl_every_nonblank_line_is_one_row(tmp_path_factory, lines):
    lines = [ln.replace("\n", " ").replace("\r", " ") for ln in lines]
    path = _write(tmp_path_factory.mktemp("j"), "dump.jsonl", "\n".join(lines).encode())
    got = read_all(path)
    assert not isinstance(got, IngestError), got
    # a line is what text-mode file iteration splits on (\n, \r, \r\n); each non-blank one is a row
    with path.open(encoding="utf-8-sig") as f:
        expected = [i + 1 for i, ln in enumerate(f) if ln.strip()]
    assert [n for n, _ in got] == expected


@fuzz_settings(40)
@given(prefix=st.binary(max_size=200), bad=st.sampled_from((b"\xff\xfe\xfd", b"\xc3\x28", b"\x80", b"\xed\xa0\x80")))
@counted
def test_jsonl_and_geojson_with_undecodable_bytes_are_refused_clearly(tmp_path_factory, prefix, bad):
    tmp = tmp_path_factory.mktemp("u")
    for name, fmt in (("dump.jsonl", "jsonl"), ("dump.geojson", "geojson")):
        body = b'{"name": "' + prefix.replace(b"\n", b" ") + bad + b'"}\n'
        got = read_all(_write(tmp, name, body), format=fmt)
        if isinstance(got, list):  # only when the prefix happened to make the bytes decodable
            continue
        assert isinstance(got, InputError)


@fuzz_settings(80)
@given(features=st.one_of(
    st.lists(st.one_of(json_value, st.fixed_dictionaries(
        {"type": st.just("Feature"), "geometry": geometries(),
         "properties": st.one_of(st.dictionaries(cell_text, json_value, max_size=4), json_value)})), max_size=6),
    json_value))
@counted
def test_broken_geojson_reads_or_is_refused(tmp_path_factory, features):
    path = _write(tmp_path_factory.mktemp("g"), "grids.geojson", geojson_doc(features).encode())
    got = read_all(path)
    if isinstance(got, list) and isinstance(features, list):
        assert [n for n, _ in got] == list(range(1, len(features) + 1))  # one row per feature, none lost
        for (_, row), feat in zip(got, features, strict=True):
            broken = not isinstance(feat, dict) or not isinstance(feat.get("properties") or {}, dict)
            assert (ERROR in row) == broken, (row, feat)


@fuzz_settings(40)
@given(doc=json_value)
@counted
def test_any_json_document_as_geojson(tmp_path_factory, doc):
    read_all(_write(tmp_path_factory.mktemp("g"), "x.geojson", json.dumps(doc).encode()))


def _xlsx(rows: list[list[object]], formulas_as_text: bool) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if formulas_as_text and isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # a text cell that merely starts with '=' (what a CSV import gives)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


_xlsx_cell = st.one_of(cell_text.filter(lambda s: not any(ord(ch) < 32 and ch not in "\t\n\r" for ch in s)),
                       st.integers(-10**20, 10**20), st.floats(allow_nan=False, allow_infinity=False),
                       st.dates(), st.datetimes(), st.booleans(), st.none(), st.sampled_from(FORMULAS))


@fuzz_settings(40)
@given(rows=st.lists(st.lists(_xlsx_cell, min_size=4, max_size=4), max_size=6), as_text=st.booleans())
@counted
def test_xlsx_cells_of_every_type_and_formulas(tmp_path_factory, rows, as_text):
    body = _xlsx([HEADER, *rows], as_text)
    got = read_all(_write(tmp_path_factory.mktemp("x"), "dump.xlsx", body), known_headers=KNOWN)
    assert isinstance(got, list), got
    by_number = dict(got)
    for i, row in enumerate(rows):
        for header, value in zip(HEADER, row, strict=True):
            if isinstance(value, str) and value.startswith("=") and i + 2 in by_number:
                read = by_number[i + 2][header]
                # a text cell stays the same text; a formula is never evaluated: without a cached result
                # (openpyxl writes none) it reads as empty
                assert read == (sanitize(value) if as_text else None), (value, read)


@pytest.fixture(scope="module")
def xlsx_sample() -> bytes:
    return _xlsx([["title row"], HEADER, ["91350100M000100Y43", "成都玉林科技有限公司", "玉林北路", "510107005001"]],
                 formulas_as_text=False)


@fuzz_settings(120)
@given(data=st.data())
@counted
def test_damaged_xlsx_is_read_or_refused(tmp_path_factory, xlsx_sample, data):
    """Truncated, bit-flipped or re-zipped workbooks with garbage members."""
    how = data.draw(st.sampled_from(("truncate", "flip", "members")))
    if how == "truncate":
        body = xlsx_sample[:data.draw(st.integers(0, len(xlsx_sample)))]
    elif how == "flip":
        body = bytearray(xlsx_sample)
        for _ in range(data.draw(st.integers(1, 20))):
            i = data.draw(st.integers(0, len(body) - 1))
            body[i] = data.draw(st.integers(0, 255))
        body = bytes(body)
    else:
        import zipfile
        with zipfile.ZipFile(io.BytesIO(xlsx_sample)) as z:
            members = {n: z.read(n) for n in z.namelist()}
        for name in data.draw(st.lists(st.sampled_from(XLSX_MEMBERS), max_size=3, unique=True)):
            choice = data.draw(st.sampled_from(("drop", "garbage", "cut")))
            if choice == "drop":
                members.pop(name, None)
            elif choice == "garbage":
                members[name] = data.draw(st.binary(max_size=300))
            else:
                members[name] = members.get(name, b"")[: data.draw(st.integers(0, 400))]
        body = zip_bytes(members)
    read_all(_write(tmp_path_factory.mktemp("x"), "dump.xlsx", body), known_headers=KNOWN)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "xlsx"])
def test_a_one_megabyte_cell_is_read_or_refused_by_name(tmp_path, fmt):
    huge = "成" * (MB // 3) + "x" * (MB % 3)  # 1 MB of UTF-8
    if fmt == "xlsx":
        huge = huge[:32767]  # an Excel cell holds at most 32767 characters
    rows = [HEADER, ["91350100M000100Y43", huge, "玉林北路", "510107005001"]]
    if fmt == "csv":
        buf = io.StringIO()
        csv.writer(buf).writerows(rows)
        path = _write(tmp_path, "big.csv", buf.getvalue().encode())
    elif fmt == "jsonl":
        path = _write(tmp_path, "big.jsonl", json.dumps(dict(zip(HEADER, rows[1], strict=True))).encode())
    else:
        path = _write(tmp_path, "big.xlsx", _xlsx(rows, False))
    got = read_all(path, known_headers=KNOWN)
    assert isinstance(got, list) and len(got) == 1, got
    assert got[0][1]["企业名称"] == huge
