"""Read rows from registry exports: CSV, XLSX, JSONL and GeoJSON.

:func:`read_rows` yields ``(row_number, cells)`` where ``row_number`` is what a person sees in the file (the
spreadsheet row, the CSV record counting the header as row 1, the JSONL line, the GeoJSON feature index) and
``cells`` maps each header to a sanitized value (see :mod:`ingest.cells`): text or ``None``, lists for JSON arrays.
Numbers are turned into text so codes keep their digits; a number too long for Excel's 15 significant digits comes
out in scientific form (``9.13501E+17``) so the code checks can flag it instead of storing wrong digits.

A row that cannot be read (bad JSON, more cells than headers) still yields, with the reason under :data:`ERROR`,
so it ends up rejected and reported rather than lost.

Size: the four formats share the header search, the cell sanitizing and the row-number contract above; one module
keeps that contract in one place (a split per format would need all of them to import the same private helpers).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import itertools
import json
import re
import zlib
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ingest.cells import sanitize
from ingest.errors import InputError

ERROR = "__error__"        # key of a row that could not be read, with the reason
GEOMETRY = "__geometry__"  # key holding a GeoJSON feature's geometry (a dict)

FORMATS = ("csv", "xlsx", "jsonl", "geojson")
_EXTENSIONS = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
               ".jsonl": "jsonl", ".ndjson": "jsonl", ".geojson": "geojson", ".json": "geojson"}
_HEADER_SCAN = 30  # rows searched for the header below title rows
_MAX_FIELD = 64 << 20  # bytes of one CSV field; far beyond any real cell (see _read_csv)
# what openpyxl raises on a damaged workbook: zip, XML and structure errors surface as any of these
_XLSX_ERRORS: tuple[type[BaseException], ...] = (
    OSError, EOFError, KeyError, IndexError, ValueError, TypeError, AttributeError, SyntaxError, zlib.error)

Row = tuple[int, dict[str, Any]]


def detect_format(path: Path, format: str | None = None) -> str:
    """The format named by ``format`` or the file extension.

    Raises:
        InputError: unknown format or extension.
    """
    if format:
        if format.lower() not in FORMATS:
            raise InputError(f"unknown format {format!r}", hint=f"use one of {', '.join(FORMATS)}")
        return format.lower()
    fmt = _EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        if path.suffix.lower() == ".xls":
            raise InputError(f"{path.name}: old Excel .xls files are not read",
                             hint="open it in Excel or LibreOffice and save as .xlsx")
        raise InputError(f"{path.name}: cannot tell the format from the extension {path.suffix!r}",
                         hint=f"pass --format ({', '.join(FORMATS)})")
    return fmt


def read_rows(path: str | Path, format: str | None = None, encoding: str | None = None,
              sheet: str | int | None = None,
              known_headers: Collection[str] | None = None) -> Iterator[Row]:
    """Rows of one file as ``(row_number, {header: value})``.

    Args:
        path: the file.
        format: ``csv``, ``xlsx``, ``jsonl`` or ``geojson``; ``None`` = from the extension.
        encoding: force the CSV encoding (e.g. ``gb18030``); ``None`` = detect (BOM, strict UTF-8, GB18030).
        sheet: XLSX sheet name or 1-based index; ``None`` = the first sheet.
        known_headers: header names the caller expects; the header row of a CSV/XLSX is the first row holding
            two of them (title rows above it are skipped). Without them, the first row that is at least 60% as
            wide as the widest of the first rows.

    Raises:
        InputError: the file is missing, unreadable or of an unknown format.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"file not found: {p}", hint="check the path")
    fmt = detect_format(p, format)
    if fmt == "csv":
        return _read_csv(p, encoding, known_headers)
    if fmt == "xlsx":
        return _read_xlsx(p, sheet, known_headers)
    if fmt == "jsonl":
        return _read_jsonl(p)
    return _read_geojson(p)


def detect_encoding(path: Path) -> str:
    """BOM, else strict UTF-8 if the whole file decodes, else GB18030 (a superset of GBK and GB2312).

    Never GB18030 first: it "decodes" UTF-8 bytes into mojibake without an error.
    """
    with path.open("rb") as f:
        head = f.read(4)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "gb18030" if _utf8_error(path) else "utf-8"


def _utf8_error(path: Path) -> tuple[int, int, str] | None:
    """Where a file stops being UTF-8: ``(byte offset, line, reason)`` of its first bad byte, or ``None`` when the
    whole file decodes (a streaming decode, 1 MB at a time)."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    done, lines = 0, 0  # bytes and newlines before the current chunk
    with path.open("rb") as f:
        while True:
            chunk = f.read(1 << 20)
            pending = len(decoder.getstate()[0])  # an unfinished character carried over from the last chunk
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as e:
                inside = max(e.start - pending, 0)
                return done + inside, lines + chunk[:inside].count(b"\n") + 1, e.reason
            if not chunk:
                return None
            done += len(chunk)
            lines += chunk.count(b"\n")


def _cell_text(value: Any) -> Any:
    """A JSON/XLSX value as text: codes must never become numbers."""
    if value is None or isinstance(value, str | list | dict):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        if abs(value) >= 1e15:  # beyond Excel's 15 significant digits: keep the lossy form visible
            return f"{value:G}"
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value)


def _find_header(rows: list[list[Any]], known: Collection[str] | None) -> int:
    """Index of the header row among the first rows."""
    cleaned = [[sanitize(_cell_text(c)) for c in row] for row in rows]
    if known:
        wanted = {k.lower() for k in known}
        for i, row in enumerate(cleaned):
            if sum(1 for c in row if isinstance(c, str) and c.lower() in wanted) >= min(2, len(wanted)):
                return i
    widths = [sum(1 for c in row if c is not None) for row in cleaned]
    widest = max(widths, default=0)
    for i, width in enumerate(widths):
        if width >= 2 and width >= 0.6 * widest:
            return i
    return 0


def _headers(raw: list[Any]) -> list[str]:
    names: list[str] = []
    for i, cell in enumerate(raw):
        name = sanitize(_cell_text(cell)) or f"column{i + 1}"
        base, n = name, 2
        while name in names:
            name, n = f"{base}_{n}", n + 1
        names.append(name)
    return names


def _make_row(headers: list[str], cells: Sequence[Any]) -> dict[str, Any] | None:
    """Cells by header; ``None`` for a blank row; an :data:`ERROR` row when cells overflow the header."""
    values = [sanitize(c if type(c) is str else _cell_text(c)) for c in cells]  # CSV cells are all str
    if all(v is None for v in values):
        return None
    row = dict(zip(headers, values, strict=False))
    for h in headers[len(values):]:
        row[h] = None
    extra = [v for v in values[len(headers):] if v is not None]
    if extra:
        row[ERROR] = f"row has {len(headers) + len(extra)} filled cells but the header has {len(headers)}"
    return row


def _rows_below_header(head: list[list[Any]], rest: Iterable[Sequence[Any]],
                       known: Collection[str] | None) -> Iterator[Row]:
    """Numbered rows of a sheet or CSV: ``head`` holds its first lines (the header is found among them, below any
    title rows), ``rest`` the lines after them."""
    if not head:
        return
    h = _find_header(head, known)
    raw = list(head[h])
    while raw and raw[-1] is None:  # styled sheets report empty trailing header cells
        raw.pop()
    headers = _headers(raw)
    number = h + 1
    for cells in itertools.chain(head[h + 1:], rest):
        number += 1
        made = _make_row(headers, cells)
        if made is not None:
            yield number, made


_QUOTED = re.compile(r'"(?:[^"]|"")*"')


def _delimiter(sample: str, known: Collection[str] | None) -> str:
    """Tab or comma: the one that splits a line of the sample into the expected headers, else the one that
    separates more cells outside quotes. Counting alone misreads a CSV whose cells hold pasted tabs."""
    if known:
        wanted = {k.lower() for k in known}
        for line in sample.splitlines()[:_HEADER_SCAN]:
            for d in (",", "\t"):
                cells = {str(sanitize(c.strip('"'))).lower() for c in line.split(d)}
                if len(cells & wanted) >= min(2, len(wanted)):
                    return d
    bare = _QUOTED.sub("", sample)
    return "\t" if bare.count("\t") > bare.count(",") else ","


def _decode_hint(path: Path, enc: str, forced: bool) -> str:
    """How to read a CSV that did not decode: never the encoding that just failed."""
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return "the file is a spreadsheet (XLSX/XLS) with a .csv name: pass --format xlsx (save an .xls as .xlsx)"
    if forced:
        other = "utf-8" if codecs.lookup(enc).name != "utf-8" else "gb18030"
        return f"the file is not {enc}: try --encoding {other}, or the encoding the export was saved in"
    return ("the file is neither UTF-8 nor GB18030 text (a binary file?): check that it is the CSV export, or "
            "pass --encoding with the encoding it was saved in")


def _read_csv(path: Path, encoding: str | None, known: Collection[str] | None) -> Iterator[Row]:
    enc = encoding or detect_encoding(path)
    try:
        info = codecs.lookup(enc)
    except LookupError as e:
        raise InputError(f"unknown encoding {enc!r}", hint="use utf-8, gb18030 or gbk") from e
    if not getattr(info, "_is_text_encoding", True):  # base64, hex, rot13: codecs, but not of text files
        raise InputError(f"{enc!r} is not a text encoding", hint="use utf-8, gb18030 or gbk")
    # a registry export may carry long texts (经营范围); the csv module's 128 KB default would refuse the whole
    # file, while the transforms reject just the row with an over-long value and say which column
    csv.field_size_limit(max(csv.field_size_limit(), _MAX_FIELD))
    with path.open("r", encoding=enc, errors="strict", newline="") as f:
        reader = None
        try:
            sample = f.read(64 * 1024)
            f.seek(0)
            delimiter = _delimiter(sample, known)
            reader = csv.reader(f, delimiter=delimiter)
            head: list[list[Any]] = []
            for row in reader:
                head.append(row)
                if len(head) >= _HEADER_SCAN:
                    break
            yield from _rows_below_header(head, reader, known)
        except UnicodeDecodeError as e:
            raise InputError(f"{path.name} is not valid {enc}: {e.reason} at byte {e.start}",
                             hint=_decode_hint(path, enc, forced=encoding is not None)) from e
        except UnicodeError as e:  # e.g. utf-16 forced on a file without a byte order mark
            raise InputError(f"{path.name} is not valid {enc}: {e}",
                             hint=_decode_hint(path, enc, forced=encoding is not None)) from e
        except csv.Error as e:
            raise InputError(f"{path.name}: CSV error near line {reader.line_num if reader else 1}: {e}",
                             hint="check quoting in the file") from e


def _read_xlsx(path: Path, sheet: str | int | None, known: Collection[str] | None) -> Iterator[Row]:
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, *_XLSX_ERRORS) as e:
        raise InputError(f"{path.name} is not a readable .xlsx workbook: {type(e).__name__}: {e}",
                         hint="open it in Excel/LibreOffice and save as .xlsx") from e
    try:
        yield from _xlsx_rows(path, wb, sheet, known)
    except InputError:
        raise
    except (zipfile.BadZipFile, InvalidFileException, *_XLSX_ERRORS) as e:
        # read_only mode parses sheets lazily: damage inside a sheet shows up only now
        raise InputError(f"{path.name}: a sheet of the workbook is damaged: {type(e).__name__}: {e}",
                         hint="open it in Excel/LibreOffice and save as .xlsx") from e
    finally:
        wb.close()


def _xlsx_rows(path: Path, wb: Any, sheet: str | int | None, known: Collection[str] | None) -> Iterator[Row]:
    names = wb.sheetnames
    if sheet is None:
        ws = wb[names[0]]
    elif isinstance(sheet, int) or str(sheet).isdigit():
        idx = int(sheet) - 1
        if not 0 <= idx < len(names):
            raise InputError(f"{path.name} has no sheet number {sheet}",
                             hint=f"sheets are: {', '.join(names)}")
        ws = wb[names[idx]]
    elif sheet in names:
        ws = wb[str(sheet)]
    else:
        raise InputError(f"{path.name} has no sheet {sheet!r}", hint=f"sheets are: {', '.join(names)}")
    rows = ws.iter_rows(values_only=True)
    head: list[list[Any]] = []
    for row in rows:
        head.append(list(row))
        if len(head) >= _HEADER_SCAN:
            break
    yield from _rows_below_header(head, rows, known)


def _not_utf8(path: Path, e: UnicodeDecodeError) -> InputError:
    return InputError(f"{path.name} is not valid UTF-8 ({e.reason} at byte {e.start}); JSON files are UTF-8",
                      hint="re-export the file as UTF-8 (or convert it: iconv -f gb18030 -t utf-8)")


def _read_jsonl(path: Path) -> Iterator[Row]:
    # the whole file first: a bad byte on line 90,000 must not fail a run half written
    bad = _utf8_error(path)
    if bad is not None:
        at, line, reason = bad
        raise InputError(f"{path.name} is not valid UTF-8 ({reason} at byte {at}, line {line}); JSON files are "
                         "UTF-8, and nothing was loaded from this one",
                         hint="re-export the file as UTF-8 (or convert it: iconv -f gb18030 -t utf-8)")
    yield from _jsonl_rows(path)


def _jsonl_rows(path: Path) -> Iterator[Row]:
    with path.open("r", encoding="utf-8-sig") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            # the line without its end (else an unclosed object fails "at column 1" of the next line) and without
            # the byte order mark a concatenated export carries at the start of each part
            text = line.rstrip("\r\n").removeprefix("\ufeff")
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as e:
                yield number, {ERROR: f"invalid JSON: {e.msg} at column {e.pos + 1}"}
                continue
            if not isinstance(obj, dict):
                yield number, {ERROR: "a JSONL line must be an object"}
                continue
            yield number, {str(k): sanitize(_cell_text(v)) for k, v in obj.items()}


def _read_geojson(path: Path) -> Iterator[Row]:
    try:
        with path.open("r", encoding="utf-8-sig") as f:
            doc = json.load(f)
    except json.JSONDecodeError as e:
        raise InputError(f"{path.name} is not valid JSON: {e.msg} at line {e.lineno}",
                         hint="check the file with a GeoJSON validator") from e
    except UnicodeDecodeError as e:
        raise _not_utf8(path, e) from e
    except RecursionError as e:  # thousands of nested brackets
        raise InputError(f"{path.name} nests JSON too deeply to be GeoJSON",
                         hint="check the file with a GeoJSON validator") from e
    if isinstance(doc, dict) and doc.get("type") == "Feature":
        features = [doc]
    elif isinstance(doc, dict) and doc.get("type") == "FeatureCollection":
        features = doc.get("features") or []
        if not isinstance(features, list):
            raise InputError(f"{path.name}: `features` must be a list of features",
                             hint="check the file with a GeoJSON validator")
    else:
        raise InputError(f"{path.name} is not a GeoJSON FeatureCollection",
                         hint="export the layer as GeoJSON (FeatureCollection)")
    for number, feat in enumerate(features, start=1):
        if not isinstance(feat, dict):
            yield number, {ERROR: "a feature must be an object"}
            continue
        props = feat.get("properties") or {}
        if not isinstance(props, dict):
            yield number, {ERROR: "a feature's properties must be an object", GEOMETRY: feat.get("geometry")}
            continue
        row = {str(k): sanitize(_cell_text(v)) for k, v in props.items()}
        row[GEOMETRY] = feat.get("geometry")
        yield number, row


