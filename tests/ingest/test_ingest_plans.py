"""Every ingest statement finds its nodes through a uniqueness constraint or an index, never a scan."""

from __future__ import annotations

from typing import Any

import neo4j
import pytest

from ingest.load import _LOOKUPS
from ingest.writes import SPECS, NodeSpec, hash_statement, prune_groups, prune_statement, statement, upsert_statement
from queries.catalog import group

pytestmark = pytest.mark.neo4j

SCANS = ("NodeByLabelScan", "AllNodesScan", "NodeIndexScan", "NodeUniqueIndexScan", "DirectedRelationshipTypeScan",
         "UndirectedRelationshipTypeScan")


def _operators(plan: dict[str, Any]) -> list[str]:
    return [plan["operatorType"].split("@")[0]] + [op for c in plan.get("children", []) for op in _operators(c)]


def _statements() -> list[str]:
    named = [*_LOOKUPS.values(), "ingest_parent_by_id", "ingest_parent_by_name", "ingest_parent_link",
             "ingest_same_as_stale"]  # queries/ingest/*.cypher
    texts: list[str] = [group("ingest")[name].text for name in named]
    for name, spec in SPECS.items():
        if isinstance(spec, NodeSpec):
            texts += [upsert_statement(name, ("name", "nameNorm")), hash_statement(name)]
            texts += [prune_statement(name, t, o) for t, o, _ in prune_groups(name)]
        else:
            texts.append(statement(name))
    return texts


def test_ingest_statements_never_scan(graph: neo4j.Driver) -> None:
    params = {"rows": [{"key": "k", "props": {}, "i": 0}], "keys": ["k"], "names": ["n"], "runId": "r",
              "source": "s", "now": None}
    texts = _statements()
    assert len(texts) > 30
    with graph.session(database="neo4j", notifications_min_severity="OFF") as s:
        for text in texts:
            plan = s.run("EXPLAIN " + text, params).consume().plan  # type: ignore[arg-type]
            ops = _operators(plan)
            assert not set(ops) & set(SCANS), (text, ops)
            assert any("Seek" in op for op in ops), (text, ops)
