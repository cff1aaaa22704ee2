"""Loading a demo set: generate the default one when absent, ingest every file in manifest order, then store the
indicator snapshots of the 12 months up to the set's as-of date (``indicator_plants.write_history``)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph.i18n import gettext as _
from gridlink.demo.generate import GENERATOR_VERSION, MANIFEST, generate
from ingest.errors import InputError

if TYPE_CHECKING:
    import neo4j

    from ingest.summary import RunSummary

SOURCE = "demo"  # provenance name of every demo run; `ensure_demo_loaded` looks for it
DEFAULTS: dict[str, Any] = {"scale": 2000, "district": "510107", "seed": 1}


def default_dir() -> Path:
    """Where the default demo set lives: ``$GRIDLINK_DEMO_DIR`` or ``~/.cache/gridlink/demo``."""
    env = os.environ.get("GRIDLINK_DEMO_DIR")
    return Path(env) if env else Path.home() / ".cache" / "gridlink" / "demo"


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The folder's manifest, or None when there is none (or one from another generator version)."""
    path = folder / MANIFEST
    if not path.is_file():
        return None
    try:
        manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return manifest if manifest.get("version") == GENERATOR_VERSION else None


def ensure_generated(folder: Path, console: Console) -> dict[str, Any]:
    """The folder's manifest, generating the default set (scale 2000, Wuhou, seed 1) there first if needed."""
    manifest = read_manifest(folder)
    if manifest is None:
        with console.status(f"generating the demo set into {folder}…"):
            manifest = generate(folder, **DEFAULTS)
        console.print(_("demo set generated in {folder} ({rows:,} rows)").format(
            folder=folder, rows=sum(f["rows"] for f in manifest["files"])))
    return manifest


def load_set(folder: Path, console: Console, *, generate_if_missing: bool = True,
             driver: neo4j.Driver | None = None, batch_size: int = 2000) -> list[RunSummary]:
    """Ingest every file of the demo set in ``folder`` in manifest order, with a progress bar per kind.

    Args:
        folder: a folder written by ``gridlink demo generate``.
        console: where progress and the summary go.
        generate_if_missing: generate the default set when the folder has no manifest.
        driver: defaults to the process driver.
        batch_size: rows per write transaction.

    Returns:
        One run summary per kind, in load order.

    Raises:
        InputError: no manifest and ``generate_if_missing`` is false.
    """
    from ingest import ingest_files

    manifest = ensure_generated(folder, console) if generate_if_missing else read_manifest(folder)
    if manifest is None:
        raise InputError(f"{folder} holds no demo set ({MANIFEST} missing or from another version)",
                         hint="run `gridlink demo generate --out DIR` first, or leave out --dir")
    summaries: list[RunSummary] = []
    columns = (TextColumn("{task.description:<14}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as bar:
        for entry in manifest["files"]:
            task = bar.add_task(entry["kind"], total=entry["rows"])

            def advance(done: int, task: TaskID = task) -> None:
                bar.update(task, completed=done)

            summary = ingest_files(
                entry["kind"], [folder / p for p in entry["paths"]], source=SOURCE, driver=driver,
                batch_size=batch_size, report=folder / "reports" / f"{entry['kind']}.jsonl", progress=advance)
            bar.update(task, completed=summary.rows)
            summaries.append(summary)
    console.print(summary_table(summaries))
    from gridlink.demo.indicator_plants import HISTORY_MONTHS, write_history

    with console.status(f"storing {HISTORY_MONTHS} months of indicator history…"):
        stored = write_history(manifest, driver)
    console.print(f"indicator history: {stored} snapshots ({HISTORY_MONTHS} months up to {manifest['asOf']})")
    return summaries


def summary_table(summaries: list[RunSummary]) -> Table:
    """One line per kind with the four outcomes, flagged and unplaced rows, and a total line."""
    table = Table(title=_("demo load"), show_footer=True)
    fields = ("rows", "loaded", "updated", "unchanged", "rejected", "flagged", "unplaced")
    totals = {f: sum(getattr(s, f) for s in summaries) for f in fields}
    table.add_column(_("kind"), footer=_("total"))
    for f in fields:
        table.add_column(_(f), justify="right", footer=f"{totals[f]:,}")
    table.add_column(_("seconds"), justify="right", footer=f"{sum(s.seconds for s in summaries):.1f}")
    for s in summaries:
        table.add_row(s.kind, *(f"{getattr(s, f):,}" for f in fields), f"{s.seconds:.1f}")
    return table
