"""Schema as code: versioned Cypher files in ``graph/migrations`` applied idempotently.

File ``NNNN_name.cypher`` holds schema version ``NNNN``. Every statement uses ``IF NOT EXISTS`` so applying a
version twice changes nothing; the applied versions are recorded on ``(:SchemaMigration {version})`` nodes with
the file's checksum.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from importlib import resources

import neo4j

from graph.driver import database
from graph.errors import SchemaError

log = logging.getLogger(__name__)

_FILE = re.compile(r"^(\d{4})_[a-z0-9_]+\.cypher$")


@dataclass(frozen=True)
class Migration:
    """One schema version: its statements and checksum."""

    version: int
    name: str
    statements: tuple[str, ...]
    checksum: str


def split_statements(text: str) -> list[str]:
    """Split a Cypher script on ``;`` at line ends, dropping ``//`` comment lines."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [stmt.strip() for stmt in re.split(r";\s*(?:\n|$)", body) if stmt.strip()]


def migrations() -> list[Migration]:
    """All migrations shipped with this code, in version order."""
    found = []
    for entry in resources.files("graph.migrations").iterdir():
        m = _FILE.match(entry.name)
        if not m:
            continue
        text = entry.read_text(encoding="utf-8")
        found.append(Migration(int(m.group(1)), entry.name, tuple(split_statements(text)),
                               hashlib.sha256(text.encode()).hexdigest()[:16]))
    return sorted(found, key=lambda mig: mig.version)


def current_version(driver: neo4j.Driver) -> int:
    """Highest schema version recorded in the graph (0 when none).

    One auto-commit read, no driver retries: ``/readyz`` calls it, and a probe must get its 503 at once when Neo4j
    is down (with ``execute_query``'s retries it took ~14 s, longer than probes wait; see docs/benchmarks.md).
    """
    with driver.session(database=database(), default_access_mode=neo4j.READ_ACCESS) as session:
        record = session.run("MATCH (m:SchemaMigration) RETURN coalesce(max(m.version), 0) AS v").single()
    return int(record[0]) if record else 0


def migrate(driver: neo4j.Driver) -> int:
    """Apply every shipped migration (idempotent) and wait for indexes to come online.

    Args:
        driver: the process driver.

    Returns:
        The schema version of the graph afterwards.

    Raises:
        SchemaError: a statement failed, or the graph carries a newer version than this code knows.
    """
    known = migrations()
    latest = known[-1].version if known else 0
    have = current_version(driver)
    if have > latest:
        raise SchemaError(f"the graph has schema version {have}, this gridlink knows up to {latest}",
                          hint="upgrade gridlink")
    for mig in known:
        for stmt in mig.statements:
            try:
                # statements come from files shipped in this package, never from user input
                driver.execute_query(stmt, database_=database())
            except neo4j.exceptions.Neo4jError as e:
                raise SchemaError(f"migration {mig.name} failed on: {stmt[:120]}…: {e.message}") from e
        driver.execute_query(
            "MERGE (m:SchemaMigration {version: $v}) "
            "ON CREATE SET m.appliedAt = datetime() "
            "SET m.name = $name, m.checksum = $checksum",
            v=mig.version, name=mig.name, checksum=mig.checksum, database_=database())
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database())
    log.info("schema at version %s", latest)
    return latest


_LIST = "reduce(s = '', x IN coalesce(labelsOrTypes, []) + coalesce(properties, []) | s + x + ',')"


def describe(driver: neo4j.Driver) -> list[tuple[str, str, str]]:
    """Constraints and indexes as sorted ``(kind, name, definition)`` rows, for comparing two states."""
    rows: list[tuple[str, str, str]] = []
    read = neo4j.RoutingControl.READ
    recs, _, _ = driver.execute_query(
        "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type + ' ' + " + _LIST,
        database_=database(), routing_=read)
    rows += [("constraint", r[0], r[1]) for r in recs]
    recs, _, _ = driver.execute_query(
        "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, options RETURN name, type + ' ' + " + _LIST
        + " + ' ' + coalesce(options.indexConfig['fulltext.analyzer'], '')",
        database_=database(), routing_=read)
    rows += [("index", r[0], r[1]) for r in recs]
    return sorted(rows)
