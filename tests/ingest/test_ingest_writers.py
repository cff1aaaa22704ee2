"""Two write transactions in flight (``writers=2``): the same graph and the same counts as one, a key repeated in
the next batch still counted against the earlier row, and which batches may overlap."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

import neo4j
import pytest
from ingest_fixtures import COMMUNITY, COMMUNITY2, ENT_HEADER, GRID1, canonical_graph_hash

from gridlink.bench.ingest_speed import make_uscc
from ingest import ingest_files
from ingest.lanes import InFlight, batches, lane_of
from ingest.records import Lookup, Record

pytestmark = pytest.mark.neo4j

_COMMUNITIES = (COMMUNITY, COMMUNITY2, "510107005004", "510107005006")


def _rows(n: int) -> list[list[Any]]:
    """``n`` enterprises spread over four communities and one grid; every 7th row repeats the row before it
    with another type (an update of a key written in the same or the previous batch)."""
    rows: list[list[Any]] = []
    for i in range(1, n + 1):
        code = make_uscc(900_000 + i)
        community = _COMMUNITIES[i % len(_COMMUNITIES)]
        grid = GRID1[0] if i % 5 == 0 else ""
        rows.append([code, f"成都并发测试{i}有限公司", "有限责任公司", "", "2020-01-01", "存续", "", community, grid,
                     "", ""])
        if i % 7 == 0:
            rows.append([code, f"成都并发测试{i}有限公司", "股份有限公司", "", "2020-01-01", "存续", "", community,
                         grid, "", ""])
    return rows


def _clear_orgs(drv: neo4j.Driver) -> None:
    with drv.session(database="neo4j") as s:
        s.run("MATCH (n) WHERE n:Organization OR n:IngestRun DETACH DELETE n").consume()


def test_two_writers_give_the_graph_and_counts_of_one(places_graph: neo4j.Driver, tmp_path: Path,
                                                      csv_writer: Callable[..., Path]) -> None:
    path = csv_writer("ent.csv", ENT_HEADER, _rows(300))
    results = {}
    for writers in (1, 2):
        _clear_orgs(places_graph)
        s = ingest_files("enterprises", [path], batch_size=7, writers=writers,
                         report=tmp_path / f"w{writers}.jsonl")
        again = ingest_files("enterprises", [path], batch_size=7, writers=writers,
                             report=tmp_path / f"w{writers}b.jsonl")
        results[writers] = ((s.rows, s.loaded, s.updated, s.unchanged, s.rejected, s.nodes_written,
                             s.relationships_written), (again.updated, again.unchanged),
                            canonical_graph_hash(places_graph))
    assert results[1] == results[2]
    (rows, loaded, updated, unchanged, rejected, nodes, _), again_counts, _ = results[2]
    assert (rows, loaded, updated, unchanged, rejected, nodes) == (342, 300, 42, 0, 0, 300)
    # a re-run: a repeated key's first row differs from what its second row left, then the second row puts it back
    assert again_counts == (84, 258)
    types = places_graph.execute_query(
        "MATCH (o:Organization) WHERE o.name STARTS WITH '成都并发测试' RETURN o.orgType AS t, count(*) AS n "
        "ORDER BY t", database_="neo4j").records
    assert [(r["t"], r["n"]) for r in types] == [("有限责任公司", 258), ("股份有限公司", 42)]


def test_a_key_in_flight_holds_back_the_next_batch_that_has_it() -> None:
    def batch(*keys: str, lookups: bool = False, lane: int = 1) -> InFlight:
        recs = [Record("enterprise", k, {}) for k in keys]
        if lookups:
            recs[0].lookups.append(Lookup("provider", "Organization", "uscc", "x", "providerUscc"))
        return InFlight(lane, recs, [])

    window = deque([batch("a", "b", lane=0)])
    assert batch("c", "d").may_overlap(window)
    assert not batch("c", "d", lane=0).may_overlap(window)  # same lane: same Division nodes
    assert not batch("b", "c").may_overlap(window)  # the later row must see the earlier one committed
    assert not batch("c", lookups=True).may_overlap(window)  # a lookup may name a node of the batch in flight
    assert not batch("c").may_overlap(deque([batch("x", lookups=True, lane=0)]))
    membership = InFlight(1, [Record("member_of", "m", {})], [])
    assert not membership.may_overlap(window)
    division = InFlight(1, [Record("division", "510107005001", {})], [])  # MERGEs its parent street
    assert not division.may_overlap(window)


def _item(key: str, community: str, line: int) -> Any:
    rec = Record("enterprise", key, {})
    rec.add_rel("inDivision", community)
    return ("f.csv", line, rec, None)


def test_lanes_part_places_and_keep_a_keys_rows_in_order() -> None:
    lane_a = lane_of(_item("x", COMMUNITY, 0)[2], 2)
    other = next(c for c in _COMMUNITIES if lane_of(_item("x", c, 0)[2], 2) != lane_a)
    rows = [_item("k1", COMMUNITY, 1), _item("k2", other, 2), _item("k3", COMMUNITY, 3),
            _item("k1", other, 4),  # k1 moved: the lane holding its first row is cut first
            _item("k5", other, 5)]
    cut = [(lane, [it[1] for it in b]) for lane, b in batches(iter(rows), size=3, lanes=2)]
    assert cut == [(lane_a, [1, 3]), (1 - lane_a, [2, 4, 5])]
    for _, b in batches(iter(rows * 3), size=2, lanes=2):  # no batch mixes places of two lanes
        assert len({lane_of(it[2], 2) for it in b}) == 1
    assert [it[1] for _, b in batches(iter(rows), size=2) for it in b] == [1, 2, 3, 4, 5]  # one lane: input order
