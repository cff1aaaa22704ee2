"""The peer comparison's record check (issue #15) on the real test Neo4j: gridlink's API and the Neo4j GraphQL
Library (``gridlink/bench/peer/``) return the same records for the four workloads. Correctness only — the timing is
``python -m gridlink.bench.peer``'s job, never a test's.

The peer needs node >= 20 and npm (it is installed from the npm registry into ~/.cache/gridlink/peer, once per
lockfile). Locally their absence skips these tests with the reason; with ``CI=true`` it fails them (CI has both and
the registry), as the browser tests do.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from neo4j_helpers import wipe
from required_tools import require
from rich.console import Console

from graph import vocab
from gridlink.bench import peer_node
from gridlink.bench import peer_workloads as pw
from gridlink.bench.common import API_KEYS, serve_api
from gridlink.bench.peer import Endpoint
from gridlink.demo.generate import generate
from gridlink.demo.load import load_set

pytestmark = pytest.mark.neo4j


def require_peer() -> None:
    """Skip (locally) or fail (CI=true) when node or npm is missing, naming what."""
    require(peer_node.missing_tools(), "the peer comparison needs", "in CI it must run")


def test_the_peer_check_skips_locally_but_fails_in_ci_without_node(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(peer_node.shutil, "which", lambda tool: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="node"):
        require_peer()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="in CI it must run"):
        require_peer()


@pytest.fixture(scope="module")
def servers(driver: neo4j.Driver, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Endpoint, Endpoint]]:
    """A small demo set in the test graph, gridlink's API and the peer over it."""
    require_peer()
    wipe(driver)
    folder: Path = tmp_path_factory.mktemp("peer") / "demo"
    generate(folder, scale=300, district="510107", seed=5)
    load_set(folder, Console(file=io.StringIO()), generate_if_missing=False, driver=driver)
    reader = next(k for k, r in API_KEYS.items() if r == "reader")
    with serve_api() as (base, _api), peer_node.serve_peer() as (url, _node):
        yield Endpoint(f"{base}/graphql", {"x-api-key": reader}), Endpoint(url, {})


def test_gridlink_and_the_peer_return_the_same_records(driver: neo4j.Driver,
                                                       servers: tuple[Endpoint, Endpoint]) -> None:
    # Arrange
    gridlink, peer = servers
    samples = pw.samples(driver, 12)

    # Act
    n, diffs = pw.check(gridlink.post, peer.post, samples, sorted(vocab.CATEGORY_KEYS))

    # Assert: every workload compared on every sample, nothing differs
    assert n == 4 * len(samples) + 3 * len(vocab.CATEGORY_KEYS)
    assert diffs == []
    # and the comparisons were not vacuous: organizations, children, party organizations and resources came back
    s = samples[0]
    assert pw.w2_gridlink(gridlink.post, s)
    assert any(pw.w1_gridlink(gridlink.post, x)[1] for x in samples)
    assert any(pw.w3_gridlink(gridlink.post, x)[2] for x in samples)
    assert any((pw.w4_records(gridlink.post, peer.post, s, c) or ([], []))[0] for c in vocab.CATEGORY_KEYS)


def test_the_check_finds_a_record_that_differs(driver: neo4j.Driver, servers: tuple[Endpoint, Endpoint]) -> None:
    # Arrange: a peer that answers every uid and name with one character more
    gridlink, peer = servers
    samples = pw.samples(driver, 4)

    def altered(body: dict[str, Any]) -> dict[str, Any]:
        def alter(value: Any, key: str = "") -> Any:
            if isinstance(value, list):
                return [alter(v) for v in value]
            if isinstance(value, dict):
                return {k: alter(v, k) for k, v in value.items()}
            return value + "x" if key in ("uid", "name") and isinstance(value, str) else value

        data: dict[str, Any] = alter(peer.post(body))
        return data

    # Act
    _n, diffs = pw.check(gridlink.post, altered, samples, sorted(vocab.CATEGORY_KEYS))

    # Assert: each workload reports it
    assert {d.split()[0] for d in diffs} >= {"W1a", "W1b", "W2", "W3"}
