"""Readers: encodings, XLSX title rows and numeric cells, JSONL and GeoJSON, broken rows, sanitizing."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from ingest.cells import name_norm, parse_date, sanitize, split_multi
from ingest.errors import InputError
from ingest.readers import ERROR, GEOMETRY, detect_encoding, read_rows

TEXT = "统一社会信用代码,企业名称,住所\n91350100M000100Y43,成都𠀾记餐饮有限公司,武侯区玉林街道\n"


def test_gbk_csv_is_detected_and_decoded(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes(TEXT.replace("𠀾", "荣").encode("gbk"))
    assert detect_encoding(path) == "gb18030"
    rows = list(read_rows(path))
    assert rows == [(2, {"统一社会信用代码": "91350100M000100Y43", "企业名称": "成都荣记餐饮有限公司",
                         "住所": "武侯区玉林街道"})]


def test_utf8_bom_csv_keeps_first_header_clean(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert detect_encoding(path) == "utf-8-sig"
    (_, row), = read_rows(path)
    assert "统一社会信用代码" in row and row["企业名称"] == "成都𠀾记餐饮有限公司"


def test_gb18030_rare_character_survives(tmp_path: Path) -> None:
    path = tmp_path / "gb18030.csv"
    path.write_bytes(TEXT.encode("gb18030"))  # 𠀾 is not in GBK: only GB18030 (or UTF-8) holds it
    (_, row), = read_rows(path)
    assert row["企业名称"] == "成都𠀾记餐饮有限公司"


def test_forced_encoding_wins_and_wrong_one_names_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes(TEXT.replace("𠀾", "荣").encode("gbk"))
    assert next(iter(read_rows(path, encoding="gbk")))[1]["住所"] == "武侯区玉林街道"
    with pytest.raises(InputError) as err:
        list(read_rows(path, encoding="utf-8"))
    assert err.value.hint is not None and "--encoding" in err.value.hint


def test_xlsx_header_below_title_rows_numbers_and_sheet_choice(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    first = wb.active
    assert first is not None
    first.title = "说明"
    first.append(["本表为演示"])
    ws = wb.create_sheet("名录")
    ws.append(["成都市武侯区事业单位名录"])
    ws.append(["导出日期：2025-06-30"])
    ws.append(["统一社会信用代码", "单位名称", "区划代码", "成立日期"])
    ws.append([9.13501e17, "武侯区某中心", 510107005001, None])
    ws.append(["12510107MB0000000X", "武侯区某学校", "510107005002", None])
    ws.append([None, None, None, None])
    path = tmp_path / "units.xlsx"
    wb.save(path)
    rows = list(read_rows(path, sheet="名录", known_headers={"统一社会信用代码", "单位名称"}))
    assert [n for n, _ in rows] == [4, 5]
    assert rows[0][1]["统一社会信用代码"] == "9.13501E+17"  # digits lost: kept visible so the check flags it
    assert rows[0][1]["区划代码"] == "510107005001"  # a whole number stays exact text
    assert list(read_rows(path, sheet=2, known_headers={"统一社会信用代码", "单位名称"}))[1][1]["单位名称"] == \
        "武侯区某学校"
    with pytest.raises(InputError) as err:
        list(read_rows(path, sheet="nope"))
    assert "名录" in (err.value.hint or "")


def test_xlsx_header_found_without_known_headers(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["标题"])
    ws.append(["a", "b", "c"])
    ws.append(["1", "2", "3"])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    assert list(read_rows(path)) == [(3, {"a": "1", "b": "2", "c": "3"})]


def test_jsonl_broken_line_is_a_row_with_an_error(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"name": "甲", "code": 510107}\n{not json\n\n[1]\n', encoding="utf-8")
    rows = list(read_rows(path))
    assert rows[0] == (1, {"name": "甲", "code": "510107"})
    assert rows[1][0] == 2 and "invalid JSON" in rows[1][1][ERROR]
    assert rows[2][0] == 4 and ERROR in rows[2][1]


@pytest.mark.parametrize("lines_before", [3, 150_000])  # the second puts the bad byte past the first 1 MB read
def test_jsonl_with_a_bad_byte_anywhere_is_refused_before_its_first_row(tmp_path: Path, lines_before: int) -> None:
    path = tmp_path / "late.jsonl"
    good = '{"name": "甲"}\n'.encode()
    path.write_bytes(good * lines_before + '{"name": "你好"}\n'.encode("gbk") + good)
    rows = read_rows(path)
    with pytest.raises(InputError) as e:
        next(rows)  # nothing is yielded, so nothing can have been written
    bad_at = len(good) * lines_before + len('{"name": "')
    assert f"at byte {bad_at}, line {lines_before + 1})" in str(e.value) and "iconv" in e.value.hint


def test_geojson_properties_and_geometry(tmp_path: Path) -> None:
    geom = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}
    path = tmp_path / "g.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": geom, "properties": {"网格编码": " 510107005001001 "}}]}))
    (n, row), = read_rows(path)
    assert n == 1 and row["网格编码"] == "510107005001001" and row[GEOMETRY] == geom


def test_csv_row_with_too_many_cells_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n3,4,5\n6\n", encoding="utf-8")
    rows = list(read_rows(path))
    assert rows[0] == (2, {"a": "1", "b": "2"})
    assert ERROR in rows[1][1] and rows[1][0] == 3
    assert rows[2] == (4, {"a": "6", "b": None})


def test_unknown_extension_asks_for_format(tmp_path: Path) -> None:
    path = tmp_path / "x.dat"
    path.write_text("a")
    with pytest.raises(InputError) as err:
        read_rows(path)
    assert "--format" in (err.value.hint or "")


def test_sanitize_folds_fullwidth_and_blanks() -> None:
    assert sanitize("　９１３５０１００Ｍ０００１００Ｙ４３　") == "91350100M000100Y43"
    assert sanitize("华为（成都）") == "华为(成都)"
    assert sanitize("  ") is None
    assert sanitize("e\u0301") == "\u00e9"  # NFC
    assert split_multi("a；b;c、 d") == ["a", "b", "c", "d"]
    assert name_norm("华为技术有限公司（深圳）") == name_norm("华为技术有限公司 (深圳)")


@pytest.mark.parametrize("text", ["2024-06-30", "2024/6/30", "2024年6月30日", "20240630", "45473"])
def test_dates_in_every_export_style(text: str) -> None:
    assert parse_date(text).isoformat() == "2024-06-30"
