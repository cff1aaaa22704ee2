"""``gridlink report snapshot``: store every division's indicators for a month (issue #13, docs/indicators.md).

Each city, district and street is asked once (``division_indicators`` answers for it and the divisions directly
below it, ``members_by_area`` for its members); the rows are stored as ``IndicatorSnapshot`` nodes keyed by
division and month, so a re-run for the month overwrites them (idempotent).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from graph import localtime
from graph.errors import GridlinkError
from graph.i18n import gettext as _
from queries import indicator_rules as rules
from queries.catalog import run
from queries.member_rules import get_member_rules

if TYPE_CHECKING:
    import neo4j


#: server-side timeout of the report's queries: a batch job over every division, not an API request (whose timeout
#: is NEO4J_QUERY_TIMEOUT_S)
REPORT_TIMEOUT_S = 900.0


def month_end(month: str) -> dt.date:
    """The last day of ``YYYY-MM``; a :class:`GridlinkError` naming ``--month`` when it is not one."""
    m = re.fullmatch(r"(\d{4})-(0[1-9]|1[0-2])", month)
    if m is None:
        raise GridlinkError(f"--month must be a month YYYY-MM (e.g. 2026-11); got {month!r}")
    year, mon = int(m.group(1)), int(m.group(2))
    return dt.date(year, mon, calendar.monthrange(year, mon)[1])


def month_as_of(month: str, until: dt.date | None = None) -> dt.date:
    """The day a month's indicators are computed for: its last day, or ``until`` (default today in Beijing) when
    that comes first (the current month)."""
    return min(month_end(month), until or localtime.today())


def compute(as_of: dt.date, codes: list[str] | None = None,
            driver: neo4j.Driver | None = None) -> dict[str, dict[str, Any]]:
    """The indicators (:func:`queries.indicator_rules.combine` rows) of the divisions ``codes`` and those directly
    below them (default: every city, district and street, i.e. every division), by code, as of ``as_of``."""
    params = get_member_rules().params(as_of)
    rows: dict[str, dict[str, Any]] = {}
    every = codes if codes is not None else [
        rec["code"] for rec in run("indicator_divisions", driver=driver, timeout=REPORT_TIMEOUT_S).records]
    for code in every:
        ind = [r.data() for r in run("division_indicators", rules.query_params(code, as_of), driver=driver,
                                 timeout=REPORT_TIMEOUT_S).records]
        members = [r.data() for r in run("members_by_area", {"divisionCode": code, **params},
                                         driver=driver, timeout=REPORT_TIMEOUT_S).records]
        for row in rules.combine(ind, members):
            # a street asked as a district's child and again on its own: the same numbers, kept once
            rows.setdefault(row["code"], row)
    return rows


def snapshot(month: str, until: dt.date | None = None, driver: neo4j.Driver | None = None) -> int:
    """Compute and store the indicators of every division for ``month`` as of its last day (today, or ``until``,
    for the current month); returns how many divisions were stored."""
    as_of = month_as_of(month, until)
    rows = compute(as_of, driver=driver)
    stored = run("indicator_snapshot_store", {"month": month, "asOf": as_of.isoformat(),
                                              "rows": list(rows.values())}, driver=driver,
                 timeout=REPORT_TIMEOUT_S).records
    return int(stored[0]["stored"]) if stored else 0


def register(app: typer.Typer) -> None:
    """Add the ``report`` group to the root app."""
    report = typer.Typer(help="Indicators of divisions: monthly snapshots and the Excel workbook (docs/indicators.md).",
                         no_args_is_help=True)

    @report.command("snapshot")
    def snapshot_cmd(
        month: Annotated[str | None, typer.Option("--month", help="YYYY-MM (default: this month).")] = None,
    ) -> None:
        """Store the indicators of every division for a month (re-running a month overwrites it)."""
        chosen = month or localtime.today().strftime("%Y-%m")
        typer.echo(_("stored indicators of {count} divisions for {month}").format(count=snapshot(chosen), month=chosen))

    @report.command("indicators")
    def indicators_cmd(
        division: Annotated[str, typer.Option("--division", help="12-digit code of a district, street or community.")],
        month: Annotated[str, typer.Option("--month", help="YYYY-MM.")],
        xlsx: Annotated[Path, typer.Option("--xlsx", help="The workbook to write (.xlsx).")],
        planner: Annotated[bool, typer.Option(
            "--planner", help="Keep small member counts (the committee's own copy); default: suppressed for readers.",
        )] = False,
    ) -> None:
        """Write the indicators workbook of a division for a month: one sheet per level, Chinese headers."""
        from gridlink.report_xlsx import write

        counts = write(division, month, xlsx, planner=planner)
        typer.echo(f"wrote {xlsx}: " + ", ".join(f"{title} {n} rows" for title, n in counts.items()))

    app.add_typer(report, name="report")
