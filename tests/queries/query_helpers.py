"""Shared helpers of the query tests: the model's tokens, the hand-made seed graph, row tuples."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import neo4j

ROOT = Path(__file__).resolve().parents[2]
SEED = Path(__file__).with_name("seed.cypher")


def model_tokens() -> tuple[set[str], set[str], set[str]]:
    """Labels, relationship types and property keys named in graph/MODEL.md (the contract)."""
    text = (ROOT / "graph" / "MODEL.md").read_text(encoding="utf-8")
    # every identifier inside backticks, also the ones grouped like `minLon/minLat/maxLon/maxLat`
    names = {w for span in re.findall(r"`([^`]+)`", text) for w in re.findall(r"[A-Za-z][A-Za-z0-9_]*", span)}
    # labels: backticked PascalCase words and those inside patterns such as (:Grid) or (:Division | :Grid)
    labels = {n for n in names | set(re.findall(r":([A-Z][a-z]+(?:[A-Z][a-z]+)*)\b", text))
              if re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z]+)*", n)}
    types = set(re.findall(r"\[:([A-Z]+(?:_[A-Z]+)*)", text))  # relationship types appear as [:TYPE
    props = {n for n in names if re.fullmatch(r"[a-z]+(?:[A-Z][a-z0-9]*)*", n)}
    return labels, types, props


def create_model_tokens(driver: neo4j.Driver) -> None:
    """Make every label, type and property of MODEL.md known to the database, without creating data.

    EXPLAIN warns about unknown labels, types and properties; with the model's tokens present, such a warning
    means a query uses a name that is not in MODEL.md.
    """
    labels, types, props = model_tokens()
    with driver.session(database="neo4j") as s:
        for label in sorted(labels):
            s.run("CALL db.createLabel($x)", x=label).consume()
        for rel_type in sorted(types):
            s.run("CALL db.createRelationshipType($x)", x=rel_type).consume()
        for prop in sorted(props):
            s.run("CALL db.createProperty($x)", x=prop).consume()


def seed(driver: neo4j.Driver) -> None:
    """Load tests/queries/seed.cypher (one statement) into an empty graph."""
    statement = "\n".join(line for line in SEED.read_text(encoding="utf-8").splitlines()
                          if not line.lstrip().startswith("//"))
    driver.execute_query(statement, database_="neo4j")


def rows(result: neo4j.EagerResult) -> list[tuple[Any, ...]]:
    """The records as tuples in column order (paths and nodes left as they are)."""
    return [tuple(rec.values()) for rec in result.records]
