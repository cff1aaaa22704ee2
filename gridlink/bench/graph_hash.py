"""The canonical hash of a graph: equal hashes mean the same nodes, relationships and properties.

The scale scripts compare a killed-and-resumed load with a clean one by it, the ingest tests compare a graph before
and after a re-run, and the layout work compared the demo load before and after a refactoring. What a run stamps
(run ids, timestamps) and the bookkeeping nodes (``IngestRun``, ``SchemaMigration``) are left out.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import neo4j

#: properties a run stamps on every node it writes: two loads of the same files differ only in those
RUN_PROPS = frozenset({"runId", "firstRunId", "updatedAt"})
#: and the day a left-over organization was marked inactive (a resumed load marks it on another day)
RUN_AND_DAY_PROPS = RUN_PROPS | {"inactiveSince"}
_SKIP_LABELS = ("IngestRun", "SchemaMigration")


def canonical_lines(drv: neo4j.Driver, database: str = "neo4j", *,
                    ignore: frozenset[str] = RUN_AND_DAY_PROPS) -> list[str]:
    """One sorted JSON line per node (labels + properties) and relationship (type, end keys, properties),
    leaving out the properties in ``ignore`` and the bookkeeping nodes; streamed, so it works on large graphs."""
    def clean(props: dict[str, Any]) -> list[Any]:
        return sorted((k, str(v)) for k, v in props.items() if k not in ignore)

    lines: list[str] = []
    with drv.session(database=database, fetch_size=10_000) as s:
        for rec in s.run("MATCH (n) WHERE NOT any(l IN labels(n) WHERE l IN $skip) "
                         "RETURN labels(n) AS labels, properties(n) AS props", skip=list(_SKIP_LABELS)):
            lines.append(json.dumps(["N", sorted(rec["labels"]), clean(rec["props"])], ensure_ascii=False))
        for rec in s.run("MATCH (a)-[r]->(b) WHERE NOT any(l IN labels(a) + labels(b) WHERE l IN $skip) "
                         "RETURN type(r) AS type, properties(r) AS props, "
                         "coalesce(a.uid, a.code) AS a, coalesce(b.uid, b.code) AS b", skip=list(_SKIP_LABELS)):
            lines.append(json.dumps(["R", rec["type"], rec["a"], rec["b"], clean(rec["props"])], ensure_ascii=False))
    lines.sort()
    return lines


def digest(lines: list[str]) -> str:
    """sha256 of canonical lines."""
    h = hashlib.sha256()
    for line in lines:
        h.update(line.encode())
        h.update(b"\n")
    return h.hexdigest()


def canonical_graph_hash(drv: neo4j.Driver, database: str = "neo4j", *,
                         ignore: frozenset[str] = RUN_AND_DAY_PROPS) -> tuple[str, int, int]:
    """The canonical hash of the graph (see :func:`canonical_lines`) with its node and relationship counts."""
    lines = canonical_lines(drv, database, ignore=ignore)
    nodes = sum(1 for line in lines if line.startswith('["N"'))
    return digest(lines), nodes, len(lines) - nodes


def line_diff(expected: list[str], actual: list[str], limit: int = 10) -> dict[str, list[str]]:
    """Up to ``limit`` lines only in ``expected`` ("missing") and only in ``actual`` ("extra")."""
    exp, act = set(expected), set(actual)
    return {"missing": sorted(exp - act)[:limit], "extra": sorted(act - exp)[:limit]}
