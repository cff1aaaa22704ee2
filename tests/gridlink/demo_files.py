"""Reading the generated files back with the standard library only (independent of ingest's readers)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any


def read_rows(out: Path, entry: dict[str, Any]) -> list[dict[str, Any]]:
    """Every data row of one manifest entry, as dicts keyed by header (all files of the entry)."""
    rows: list[dict[str, Any]] = []
    for rel in entry["paths"]:
        path = out / rel
        fmt = entry["format"]
        if fmt == "csv":
            with path.open(encoding=entry["encoding"], newline="") as f:
                rows.extend(csv.DictReader(f))
        elif fmt == "jsonl":
            rows.extend(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line)
        elif fmt == "geojson":
            doc = json.loads(path.read_text(encoding="utf-8"))
            rows.extend({**feat["properties"], "_geometry": feat["geometry"]} for feat in doc["features"])
        elif fmt == "xlsx":
            from openpyxl import load_workbook

            ws = load_workbook(path, read_only=True).worksheets[0]
            values = list(ws.iter_rows(values_only=True))
            header = values[entry["titleRows"]]
            for r in values[entry["titleRows"] + 1:]:  # trailing empty cells are not stored
                cells = ["" if v is None else v for v in r] + [""] * (len(header) - len(r))
                rows.append(dict(zip(header, cells, strict=True)))
        else:
            raise AssertionError(f"unknown format {fmt}")
    return rows


def entry(manifest: dict[str, Any], kind: str) -> dict[str, Any]:
    """The manifest entry of ``kind``."""
    return next(f for f in manifest["files"] if f["kind"] == kind)
