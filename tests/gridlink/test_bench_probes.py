"""The probes of ``gridlink.bench.query_p95`` send what the named queries and the API accept (no database needed:
a wrong parameter or a GraphQL typo would otherwise only show in an hour-long scale run)."""

from __future__ import annotations

import re

import pytest
from graphql import parse, validate

import gridlink.bench.query_probes_below  # noqa: F401  (registers its probes)
from api.cost import estimate
from api.schema import build_schema
from api.settings import ApiSettings
from gridlink.bench import query_p95
from gridlink.bench.probe_pool import Pool
from gridlink.bench.query_probes import PROBES
from queries.catalog import catalog

POOL = Pool(grids=["510107005001001"], points=[(104.05, 30.64)], districts=["510107000000"],
            streets=["510107005000"], communities=["510107005001"], org_uids=["91510100001646807H"],
            usccs=["91510100001646807H"], words=["锦城"], party_uids=["n:6fd575826fdc7144"],
            compounds=["XQ51010700100400102"])


@pytest.mark.parametrize("name", sorted(PROBES))
def test_probe_sends_the_declared_parameters(name: str) -> None:
    q = catalog()[name]
    for i in range(6):  # every level the probe rotates through
        params, _ = PROBES[name].sample(POOL, i)
        assert set(params) == set(q.params), f"sample {i}"


@pytest.mark.parametrize("name", sorted(n for n, p in PROBES.items() if p.document))
def test_probe_document_is_valid_and_its_variables_are_declared(name: str) -> None:
    schema = build_schema(ApiSettings())._schema
    doc = PROBES[name].document
    assert doc is not None
    assert validate(schema, parse(doc)) == []
    # within what a reader may ask for, or the run measures refusals
    assert estimate(schema, parse(doc), None, {}) <= ApiSettings().max_cost_reader
    declared = set(re.findall(r"\$(\w+)\s*:", doc))
    for i in range(6):
        _, variables = PROBES[name].sample(POOL, i)
        assert set(variables) == declared, f"sample {i}"


def test_a_read_query_without_a_probe_stops_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(PROBES, "org_search")
    with pytest.raises(SystemExit, match="org_search"):
        query_p95.check_mapping(None)


def test_driver_only_probes_say_why() -> None:
    assert all(p.note for p in PROBES.values() if not p.document and not p.route)
