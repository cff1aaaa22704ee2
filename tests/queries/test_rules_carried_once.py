"""A rule that several named queries apply is one expression in Python (the queries are plain Cypher files that
paste into Neo4j Browser, so each carries it word for word): the derived member status (hidden/pocket,
queries/member_rules.py) and whether a unit was active (挂名 part-time members, active resident units,
queries/linkage_rules.py). Every query that applies a rule carries it; none judges by its own words."""

from __future__ import annotations

import re

import pytest

from queries.catalog import catalog
from queries.linkage_rules import UNIT_ACTIVE, UNIT_ACTIVE_QUERIES
from queries.member_rules import DERIVED_STATUS, DERIVING_QUERIES

#: (what the rule is called in a failure, its expression, the queries that apply it, the parameters it needs)
RULES = [("member_rules.DERIVED_STATUS", DERIVED_STATUS, DERIVING_QUERIES, {"asOf", "pocketMonths"}),
         ("linkage_rules.UNIT_ACTIVE", UNIT_ACTIVE, UNIT_ACTIVE_QUERIES, {"asOf", "activeMonths"})]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(("rule", "expression", "name", "params"),
                         [(rule, expr, name, params) for rule, expr, names, params in RULES for name in names])
def test_each_query_applying_a_rule_carries_the_one_expression(rule: str, expression: str, name: str,
                                                               params: set[str]) -> None:
    q = catalog()[name]
    assert _flat(expression) in _flat(q.text), f"{name} does not carry {rule}"
    assert params <= set(q.params)


def test_no_other_query_counts_members_by_their_imported_label() -> None:
    # a count by label looks like {status: 'hidden'} on a PartyMember pattern, or m.status compared/grouped
    by_label = re.compile(r"PartyMember\s*\{[^}]*status\s*:|WITH\s+m\.status\s+AS|RETURN\s+m\.status\b")
    offenders = [name for name, q in catalog().items() if by_label.search(q.text)]
    assert offenders == []


def test_no_other_query_judges_activity_by_its_own_words() -> None:
    # the project-date test is the rule's signature; a query with it and without the whole rule is a second copy
    signature = "any(d IN [p.startedOn, p.deliveredOn, p.acceptedOn] WHERE since <= d <= asOf)"
    offenders = [name for name, q in catalog().items()
                 if signature in _flat(q.text) and name not in UNIT_ACTIVE_QUERIES]
    assert offenders == []
