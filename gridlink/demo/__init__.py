"""The demo data set: ``gridlink demo generate|load`` and ``ensure_demo_loaded`` (called by ``gridlink up``).

It lives in the top package, not in ``ingest``, because it is a user of ingest (it writes registry dumps and loads
them through the public ``ingest_files``), not a part of it.

``generate()`` writes realistic registry dumps for a real Chengdu area (every kind, every format, ~2% dirty rows)
with a ``manifest.json``; ``load_set()`` ingests them through :func:`ingest.ingest_files` with source ``demo``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import neo4j
    from rich.console import Console


def loaded_kinds(driver: neo4j.Driver | None = None) -> set[str]:
    """Kinds that completed demo runs have loaded into the graph (named query ``demo_runs``)."""
    from gridlink.demo.load import SOURCE
    from queries.catalog import run

    records = run("demo_runs", {"source": SOURCE}, driver=driver).records
    return set(records[0]["kinds"]) if records else set()


def ensure_demo_loaded(console: Console, driver: neo4j.Driver | None = None) -> bool:
    """Load the default demo set unless the graph already holds every kind of it (then this is one query).

    Returns:
        True when a load ran, False when the demo data was already there.
    """
    from gridlink.demo.load import default_dir, ensure_generated, load_set

    folder = default_dir()
    manifest = ensure_generated(folder, console)
    wanted = {entry["kind"] for entry in manifest["files"]}
    if wanted <= loaded_kinds(driver):
        console.print("demo data already loaded")
        return False
    load_set(folder, console, driver=driver)
    return True
