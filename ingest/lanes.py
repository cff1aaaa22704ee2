"""Batches for concurrent writers: rows cut into batches by *lane*, and the rule for which batches may be written
at the same time.

Two write transactions in flight let the server execute one batch while it commits the other (about a quarter
more throughput on a 2-core machine, see ``python -m gridlink.bench.ingest_speed``). Two things make that safe:

- **lanes**: a row goes to the lane of its place (the community Division it hangs on, else its grid), so
  batches of different lanes never add relationships to the same Division or Grid. Unpartitioned, two batches
  sharing dense Division nodes deadlocked on Neo4j's relationship-group locks every few dozen batches, and each
  deadlock cost a retry after a one-second back-off;
- **the window** (:meth:`InFlight.may_overlap`): a batch waits for the batches in flight when it shares a key
  with one of them (the later row must win, and be counted ``updated`` against the earlier), when it comes from
  the same lane, or when either has lookups (a lookup may name a node the other writes), writes memberships, or
  MERGEs the far node (a division's parent, which another batch may be writing as a row: an index-entry
  deadlock seen in the 10^6 load).

Outcomes are still accounted batch by batch, in the order the batches were cut.
"""

from __future__ import annotations

import zlib
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future
from typing import TYPE_CHECKING

from ingest.kinds import SPECS
from ingest.records import Record, RowReject
from ingest.specs import NodeSpec

if TYPE_CHECKING:
    from ingest.load import BatchResult
    from ingest.mapping import BoundMapping

Item = tuple[str, int, Record | RowReject, "BoundMapping"]

#: the slots whose far end decides a row's lane, most telling first; else the first slot with a target
_PLACE_SLOTS = ("inDivision", "inGrid")


def lane_of(rec: Record, lanes: int) -> int:
    """The lane of a record: a stable hash (crc32, not Python's per-process ``hash``) of its place."""
    if lanes == 1:
        return 0
    place = next((rec.rels[s][0]["k"] for s in _PLACE_SLOTS if rec.rels.get(s)), None)
    if place is None:
        place = next((items[0]["k"] for _, items in sorted(rec.rels.items()) if items), "")
    return zlib.crc32(str(place).encode()) % lanes


def batches(items: Iterator[Item], size: int, lanes: int = 1) -> Iterator[tuple[int, list[Item]]]:
    """``(lane, items)`` batches of at most ``size`` rows; rejected rows ride in lane 0.

    A row whose key waits in another lane's unfinished batch sends that batch off first, so the earlier row is
    always in the earlier batch.
    """
    buffers: list[list[Item]] = [[] for _ in range(lanes)]
    waiting: dict[str, int] = {}  # key -> lane of the buffered row that has it

    def cut(lane: int) -> tuple[int, list[Item]]:
        batch, buffers[lane] = buffers[lane], []
        for _, _, rec, _ in batch:
            if isinstance(rec, Record) and waiting.get(rec.key) == lane:
                del waiting[rec.key]
        return lane, batch

    for item in items:
        rec = item[2]
        lane = 0
        if isinstance(rec, Record):
            lane = lane_of(rec, lanes)
            other = waiting.get(rec.key)
            if other is not None and other != lane:
                yield cut(other)
            waiting[rec.key] = lane
        buffers[lane].append(item)
        if len(buffers[lane]) >= size:
            yield cut(lane)
    for lane in range(lanes):
        if buffers[lane]:
            yield cut(lane)


class InFlight:
    """A batch handed to a writer thread, with what its accounting needs once written."""

    def __init__(self, lane: int, records: list[Record], bounds: list[BoundMapping]) -> None:
        self.lane = lane
        self.records = records
        self.bounds = bounds
        self.keys = {rec.key for rec in records}
        # a lookup may name a node an earlier batch of this run writes; membership rows, and divisions (which
        # MERGE their parent: a key another batch may be writing as a row), MERGE shared far nodes
        spec = SPECS[records[0].spec]
        self.alone = (any(rec.lookups for rec in records) or not isinstance(spec, NodeSpec)
                      or any(slot.merge_target for slot in spec.slots))
        self.future: Future[BatchResult] | None = None

    def may_overlap(self, window: deque[InFlight]) -> bool:
        """Whether this batch may be written while the batches of ``window`` still are (see the module)."""
        return not self.alone and not any(b.alone or b.lane == self.lane or self.keys & b.keys for b in window)

    def result(self) -> BatchResult:
        """The writer's outcomes (waits for them)."""
        assert self.future is not None
        return self.future.result()
