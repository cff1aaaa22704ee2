"""The program's own statements (issue #10: all Cypher in named files): the ingest's named statements in
``queries/ingest/`` keep the catalog's contract, ``gridlink query list --all`` shows every statement the program can
send (the generated ones too), and no Cypher is written inline in the ingest's modules any more."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from query_helpers import create_model_tokens
from typer.testing import CliRunner

from gridlink.cli import app
from queries.catalog import NamedQuery, catalog, generated, group, groups, statement
from queries.errors import QueryParameterError

ROOT = Path(__file__).resolve().parents[2]
INGEST = sorted(group("ingest"))
_CYPHER = re.compile(r"\b(MATCH|MERGE|UNWIND|DETACH DELETE|RETURN)\b.*\b(RETURN|SET|DELETE|WITH|MATCH)\b", re.S)


def test_the_ingest_group_holds_its_statements() -> None:
    assert groups() == ["ingest"]
    assert len(INGEST) >= 19
    assert not set(INGEST) & set(catalog())  # not in the analyst's catalog, the Browser guide or the README


def test_statement_checks_the_parameter_contract() -> None:
    query, params = statement("ingest", "ingest_lookup_need", keys=["a"])
    assert params == {"keys": ["a"]} and "MATCH (n:Need" in query.text
    with pytest.raises(QueryParameterError, match="missing"):
        statement("ingest", "ingest_lookup_need")
    with pytest.raises(QueryParameterError, match="no parameter"):
        statement("ingest", "ingest_lookup_need", keys=[], extra=1)


def _string_constants(path: Path) -> Iterator[tuple[int, str]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            yield node.lineno, text


def test_no_inline_cypher_in_the_ingest() -> None:
    # ingest/writes.py generates its statements from the specs (listed by `query list --all`, tested below)
    modules = [p for p in (ROOT / "ingest").rglob("*.py") if p.name != "writes.py"]
    found = [f"{p.name}:{line}" for p in modules for line, text in _string_constants(p) if _CYPHER.search(text)]
    assert found == []


def test_the_detector_finds_inline_cypher(tmp_path: Path) -> None:
    planted = tmp_path / "m.py"
    planted.write_text('Q = "MERGE (r:IngestRun {runId: $runId}) SET r += $props"\n', encoding="utf-8")
    assert any(_CYPHER.search(t) for _, t in _string_constants(planted))


def test_list_all_shows_every_statement_the_program_can_send() -> None:
    res = CliRunner().invoke(app, ["query", "list", "--all", "--json"])
    assert res.exit_code == 0, res.output
    listed = {(q["group"], q["name"]) for q in json.loads(res.stdout)}
    assert {n for g, n in listed if g == "catalog"} == set(catalog())
    assert {n for g, n in listed if g == "ingest"} == set(INGEST)
    made = {n for g, n in listed if g == "generated"}
    from ingest.kinds import SPECS

    assert {f"write_{name}_upsert" for name, s in SPECS.items() if hasattr(s, "slots")} <= made
    plain = CliRunner().invoke(app, ["query", "list", "--json"])
    assert {q["name"] for q in json.loads(plain.stdout)} == set(catalog())


@pytest.mark.parametrize("q", generated(), ids=lambda q: q.name)
def test_generated_statements_declare_the_parameters_they_use(q: NamedQuery) -> None:
    assert set(re.findall(r"\$([A-Za-z_]\w*)", q.text)) == set(q.params)


@pytest.fixture(scope="module")
def explain(driver: neo4j.Driver) -> Iterator[Any]:
    create_model_tokens(driver)

    def _explain(q: NamedQuery) -> tuple[list[str], neo4j.ResultSummary]:
        with driver.session(database="neo4j", notifications_min_severity="INFORMATION") as s:
            result = s.run(neo4j.Query("EXPLAIN " + q.text), dict.fromkeys(q.params))  # type: ignore[arg-type]
            return list(result.keys()), result.consume()

    yield _explain


@pytest.mark.neo4j
@pytest.mark.parametrize("name", INGEST)
def test_ingest_statements_compile_and_return_what_they_declare(explain: Any, name: str) -> None:
    q = group("ingest")[name]
    keys, summary = explain(q)
    assert keys == list(q.returns)
    warnings = [f"{s.gql_status} {s.status_description}" for s in summary.gql_status_objects
                if s.is_notification and s.severity == neo4j.NotificationSeverity.WARNING]
    assert warnings == []
