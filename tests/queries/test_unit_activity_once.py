"""Whether a unit was active (挂名 part-time members, active resident units) is one rule: every named query that
decides it carries queries/linkage_rules.UNIT_ACTIVE word for word."""

from __future__ import annotations

import re

import pytest

from queries.catalog import catalog
from queries.linkage_rules import UNIT_ACTIVE, UNIT_ACTIVE_QUERIES


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("name", UNIT_ACTIVE_QUERIES)
def test_each_query_deciding_unit_activity_carries_the_one_rule(name: str) -> None:
    q = catalog()[name]
    assert _flat(UNIT_ACTIVE) in _flat(q.text), f"{name} does not carry linkage_rules.UNIT_ACTIVE"
    assert {"asOf", "activeMonths"} <= set(q.params)


def test_no_other_query_judges_activity_by_its_own_words() -> None:
    # the project-date test is the rule's signature; a query with it and without the whole rule is a second copy
    signature = "any(d IN [p.startedOn, p.deliveredOn, p.acceptedOn] WHERE since <= d <= asOf)"
    offenders = [name for name, q in catalog().items()
                 if signature in _flat(q.text) and name not in UNIT_ACTIVE_QUERIES]
    assert offenders == []
