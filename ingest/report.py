"""The run report: one line per rejected row and per loaded row with something to say (flagged code,
unplaced, reference not found). JSONL by default, CSV when the path ends in ``.csv``.

Lines carry the file, row number, column and reason — never the row's values, so reports of personal data
(party members) hold nothing personal.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from types import TracebackType
from typing import IO, Any

FIELDS = ("runId", "file", "row", "outcome", "column", "reason")
MAX_REASON = 500
# a CSV cell starting with one of these is a formula to Excel (CSV injection): file names and headers come
# from the input, so they are prefixed with an apostrophe, which Excel shows as plain text (OWASP advice)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _defuse(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class Report:
    """An open report file (context manager)."""

    def __init__(self, path: Path, run_id: str) -> None:
        self.path = path
        self.run_id = run_id
        self.lines = 0
        #: lines per outcome (``rejected``, ``flagged``, ``unplaced``, ``warning``)
        self.counts: Counter[str] = Counter()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh: IO[str] = path.open("w", encoding="utf-8", newline="")
        self._csv: Any = None
        if path.suffix.lower() == ".csv":
            self._fh.write("\ufeff")  # so Excel opens the Chinese text as UTF-8
            self._csv = csv.writer(self._fh)
            self._csv.writerow(FIELDS)

    def add(self, file: str, row: int, outcome: str, column: str | None, reason: str) -> None:
        """Write one line (a reason quoting a huge cell is cut to :data:`MAX_REASON` characters)."""
        if len(reason) > MAX_REASON:
            reason = reason[:MAX_REASON] + f"… ({len(reason)} characters)"
        values = (self.run_id, file, row, outcome, column, reason)
        if self._csv is not None:
            self._csv.writerow([_defuse(v) for v in values])
        else:
            self._fh.write(json.dumps(dict(zip(FIELDS, values, strict=True)), ensure_ascii=False) + "\n")
        self.lines += 1
        self.counts[outcome] += 1

    def close(self) -> None:
        """Flush and close."""
        self._fh.close()

    def __enter__(self) -> Report:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def read_report(path: str | Path) -> list[dict[str, Any]]:
    """The lines of a report (JSONL or CSV) as dicts."""
    p = Path(path)
    if p.suffix.lower() == ".csv":
        with p.open(encoding="utf-8-sig", newline="") as f:
            return [dict(r) for r in csv.DictReader(f)]
    with p.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
