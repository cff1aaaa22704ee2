"""What one ingest run did: :class:`RunSummary` (the kinds: :mod:`ingest.kinds`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: the four outcomes of an input row; every row ends in exactly one
OUTCOMES: tuple[str, ...] = ("loaded", "updated", "unchanged", "rejected")


@dataclass
class RunSummary:
    """Counts of one run. ``rows == loaded + updated + unchanged + rejected`` always holds."""

    run_id: str
    kind: str
    source: str
    files: list[str]
    status: str = "running"
    rows: int = 0
    loaded: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    unplaced: int = 0
    flagged: int = 0
    warnings: int = 0
    report_path: str | None = None
    seconds: float = 0.0
    nodes_written: int = 0
    relationships_written: int = 0
    deactivated: int = 0
    same_as: int = 0
    same_as_removed: int = 0
    #: per file, the headers no field of the kind reads (their values were not loaded)
    unrecognised_columns: dict[str, list[str]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def count(self, outcome: str, n: int = 1) -> None:
        """Add ``n`` rows to ``outcome`` (one of :data:`OUTCOMES`)."""
        setattr(self, outcome, getattr(self, outcome) + n)
        self.rows += n

    def as_dict(self) -> dict[str, Any]:
        """Plain dict (for JSON output)."""
        return asdict(self)

    @property
    def exit_code(self) -> int:
        """0 when every row was taken, 2 when some were rejected."""
        return 2 if self.rejected else 0
