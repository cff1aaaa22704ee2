"""The derived member status (hidden/pocket, queries/member_rules.py) is one expression: every named query that
counts members by status carries DERIVED_STATUS word for word, and none reads the imported label for a count."""

from __future__ import annotations

import re

import pytest

from queries.catalog import catalog
from queries.member_rules import DERIVED_STATUS, DERIVING_QUERIES


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("name", DERIVING_QUERIES)
def test_each_deriving_query_carries_the_one_expression(name: str) -> None:
    q = catalog()[name]
    assert _flat(DERIVED_STATUS) in _flat(q.text), f"{name} does not carry member_rules.DERIVED_STATUS"
    assert {"asOf", "pocketMonths"} <= set(q.params)


def test_no_other_query_counts_members_by_their_imported_label() -> None:
    # a count by label looks like {status: 'hidden'} on a PartyMember pattern, or m.status compared/grouped
    by_label = re.compile(r"PartyMember\s*\{[^}]*status\s*:|WITH\s+m\.status\s+AS|RETURN\s+m\.status\b")
    offenders = [name for name, q in catalog().items() if by_label.search(q.text)]
    assert offenders == []
