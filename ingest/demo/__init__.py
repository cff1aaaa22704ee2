"""The demo data set: ``gridlink demo generate|load`` and ``ensure_demo_loaded`` (called by ``gridlink up``).

``generate()`` writes realistic registry dumps for a real Chengdu area (every kind, every format, ~2% dirty rows)
with a ``manifest.json``; ``load_set()`` ingests them through :func:`ingest.ingest_files` with source ``demo``.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import neo4j
    from rich.console import Console


def loaded_kinds(driver: neo4j.Driver | None = None) -> set[str]:
    """Kinds that completed demo runs have loaded into the graph."""
    import neo4j

    from graph.driver import database, get_driver
    from ingest.demo.load import SOURCE
    from queries.catalog import parse, to_query

    text = resources.files("ingest.demo").joinpath("demo_runs.cypher").read_text(encoding="utf-8")
    query = parse("demo_runs", text)
    drv = driver or get_driver()
    records = drv.execute_query(to_query(query), {"source": SOURCE}, database_=database(),
                                 routing_=neo4j.RoutingControl.READ).records
    return set(records[0]["kinds"]) if records else set()


def ensure_demo_loaded(console: Console, driver: neo4j.Driver | None = None) -> bool:
    """Load the default demo set unless the graph already holds every kind of it (then this is one query).

    Returns:
        True when a load ran, False when the demo data was already there.
    """
    from ingest.demo.load import default_dir, ensure_generated, load_set

    folder = default_dir()
    manifest = ensure_generated(folder, console)
    wanted = {entry["kind"] for entry in manifest["files"]}
    if wanted <= loaded_kinds(driver):
        console.print("demo data already loaded")
        return False
    load_set(folder, console, driver=driver)
    return True
