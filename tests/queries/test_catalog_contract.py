"""Every named query in the catalog, including ones added later: it compiles without planner warnings and
returns exactly the columns its header declares."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import neo4j
import pytest
from query_helpers import create_model_tokens

from queries.catalog import NamedQuery, catalog

QUERIES = sorted(catalog())


@pytest.fixture(scope="module")
def explain(driver: neo4j.Driver) -> Iterator[Any]:
    """EXPLAIN a named query with its example parameters (missing ones as null) on a graph knowing the model."""
    create_model_tokens(driver)

    def _explain(q: NamedQuery) -> tuple[list[str], neo4j.ResultSummary]:
        params = dict.fromkeys(q.params) | q.example_params()
        with driver.session(database="neo4j", notifications_min_severity="INFORMATION") as s:
            result = s.run(neo4j.Query("EXPLAIN " + q.text), params)  # type: ignore[arg-type]  # test-only text
            keys = list(result.keys())
            return keys, result.consume()

    yield _explain


def test_catalog_is_not_empty_and_names_are_unique() -> None:
    assert "division_children" in QUERIES
    assert len(QUERIES) == len(set(QUERIES))
    assert sum(1 for name in QUERIES if name.startswith("explore_")) >= 6


@pytest.mark.parametrize("name", QUERIES)
def test_every_param_has_an_example(name: str) -> None:
    q = catalog()[name]
    required = [p for p, t in q.params.items() if not t.rstrip().endswith("?")]
    assert set(required) <= set(q.example_params()), f"{name}: add '// example: :param x => ...' lines"
    assert q.returns, f"{name}: the header has no '// returns:' line"


@pytest.mark.neo4j
@pytest.mark.parametrize("name", QUERIES)
def test_explain_has_no_warnings(explain: Any, name: str) -> None:
    _, summary = explain(catalog()[name])
    warnings = [f"{s.gql_status} {s.status_description}" for s in summary.gql_status_objects
                if s.is_notification and s.severity == neo4j.NotificationSeverity.WARNING]
    assert warnings == []


@pytest.mark.neo4j
@pytest.mark.parametrize("name", QUERIES)
def test_declared_returns_equal_result_keys(explain: Any, name: str) -> None:
    q = catalog()[name]
    keys, _ = explain(q)
    assert keys == list(q.returns)


@pytest.mark.neo4j
def test_explain_does_warn_about_a_name_outside_the_model(explain: Any) -> None:
    # the guard above would be worthless if the server stayed silent about a typo
    typo = NamedQuery("typo", "t", "d", {}, ("n",), (), "MATCH (n:Divison) RETURN n", False)
    _, summary = explain(typo)
    assert any(s.severity == neo4j.NotificationSeverity.WARNING for s in summary.gql_status_objects
               if s.is_notification)
