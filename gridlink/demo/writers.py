"""Streaming writers, one per file format; each counts the data rows it wrote.

Every writer produces identical bytes for identical input (the determinism test relies on it): XLSX files get a
fixed creation/modification time and fixed ZIP entry times, which openpyxl would otherwise take from the clock.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

Cell = str | int | float | None
FIXED_TIME = datetime(2025, 6, 30, 9, 0, 0)  # naive on purpose: written into files as a naive timestamp


class Sink:
    """Base of the writers: a context manager with ``write(values)`` and a ``rows`` count."""

    format = ""
    encoding = "utf-8"

    def __init__(self, path: Path, header: Sequence[str]) -> None:
        self.path, self.header, self.rows = path, tuple(header), 0
        path.parent.mkdir(parents=True, exist_ok=True)

    def write(self, values: Sequence[Cell]) -> None:
        """Write one data row (values in header order; None or '' = empty cell)."""
        raise NotImplementedError

    def close(self) -> None:
        """Flush and close the file."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


class CsvSink(Sink):
    """CSV in the given encoding: ``utf-8``, ``utf-8-sig`` (with BOM, as Excel saves) or ``gb18030`` (GBK superset)."""

    format = "csv"

    def __init__(self, path: Path, header: Sequence[str], encoding: str = "utf-8") -> None:
        super().__init__(path, header)
        self.encoding = encoding
        self._f = path.open("w", encoding=encoding, newline="")
        self._w = csv.writer(self._f, lineterminator="\r\n")  # Excel's line ends
        self._w.writerow(self.header)

    def write(self, values: Sequence[Cell]) -> None:
        self._w.writerow(["" if v is None else v for v in values])
        self.rows += 1

    def close(self) -> None:
        self._f.close()


class JsonlSink(Sink):
    """One JSON object per line, keyed by the header; empty cells are left out."""

    format = "jsonl"

    def __init__(self, path: Path, header: Sequence[str]) -> None:
        super().__init__(path, header)
        self._f = path.open("w", encoding="utf-8", newline="\n")

    def write(self, values: Sequence[Cell]) -> None:
        obj = {k: v for k, v in zip(self.header, values, strict=True) if v is not None and v != ""}
        self._f.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.rows += 1

    def close(self) -> None:
        self._f.close()


class XlsxSink(Sink):
    """An XLSX sheet with title rows above the header (as agencies export them); codes are text cells."""

    format = "xlsx"

    def __init__(self, path: Path, header: Sequence[str], titles: Sequence[str] = ()) -> None:
        from openpyxl import Workbook

        super().__init__(path, header)
        self._wb = Workbook(write_only=True)
        self._wb.properties.created = FIXED_TIME
        self._ws = self._wb.create_sheet("数据")
        for title in titles:
            self._ws.append([title])
        self._ws.append(list(self.header))
        self.title_rows = len(titles)

    def write(self, values: Sequence[Cell]) -> None:
        self._ws.append([None if v == "" else v for v in values])
        self.rows += 1

    def close(self) -> None:
        buf = io.BytesIO()
        self._wb.save(buf)
        _freeze_zip(buf.getvalue(), self.path)


class GeoJsonSink(Sink):
    """A GeoJSON FeatureCollection, one feature per line (streamed, still one valid JSON document)."""

    format = "geojson"

    def __init__(self, path: Path, header: Sequence[str]) -> None:
        super().__init__(path, header)
        self._f = path.open("w", encoding="utf-8", newline="\n")
        self._f.write('{"type": "FeatureCollection", "features": [\n')

    def write(self, values: Sequence[Cell], geometry: dict[str, Any] | None = None) -> None:
        props = {k: v for k, v in zip(self.header, values, strict=True) if v is not None and v != ""}
        feature = {"type": "Feature", "properties": props, "geometry": geometry}
        self._f.write((",\n" if self.rows else "") + json.dumps(feature, ensure_ascii=False))
        self.rows += 1

    def close(self) -> None:
        self._f.write("\n]}\n")
        self._f.close()


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _freeze_zip(data: bytes, path: Path) -> None:
    """Rewrite an XLSX with fixed entry times and a fixed modification time, so equal content gives equal bytes."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                body = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", body)
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, body)
