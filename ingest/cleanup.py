"""Graph-wide steps around the batches: the places snapshot before, and after the batches the ``--snapshot``
deactivation and the probable-duplicate (``SAME_AS``) candidates. All are idempotent, so a re-run after a crash
redoes them to the same result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import neo4j

from ingest.cypher import named
from ingest.places import Division, GridInfo, Places

_CHUNK = 5000
# Lookups by a list of values (queries/ingest/*.cypher) carry USING INDEX SEEK: planned right after a bulk load,
# before the index statistics catch up, Neo4j 5.26 chose a full index scan per list element (quadratic: 120 s for
# 20k names); a plain USING INDEX hint still allows that scan


@dataclass
class Presence:
    """The organizations a snapshot's dump names: keys of the rows taken, and of the rejected rows the key (or,
    without a usable credit code, the normalized name) they still carry."""

    uids: set[str] = field(default_factory=set)
    rejected_names: set[str] = field(default_factory=set)

    def add_rejected(self, uid: str | None, name: str | None) -> None:
        """A rejected row naming ``uid`` (a usable credit code) or else the normalized ``name``."""
        if uid:
            self.uids.add(uid)
        elif name:
            self.rejected_names.add(name)

    def names(self, uid: str, name: str | None) -> bool:
        """Whether the dump names the organization ``uid`` (normalized name ``name``)."""
        return uid in self.uids or (name is not None and name in self.rejected_names)


def load_places(driver: neo4j.Driver, database: str) -> Places:
    """Divisions (code -> level, name, parent) and grids with their boundaries, in two reads."""
    # quiet: on an empty graph the planner warns that `boundary` etc. are unknown property keys
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS,
                        notifications_min_severity="OFF") as session:
        divisions = session.run(*named("ingest_places_divisions")).data()
        grids = session.run(*named("ingest_places_grids")).data()
    return Places.build(
        (Division(r["code"], r["level"] or "", r["name"], r["parent"]) for r in divisions),
        ((GridInfo(r["uid"], r["code"], r["scheme"] or "LOCAL", r["community"]), r["boundary"]) for r in grids))


def deactivate_missing(driver: neo4j.Driver, database: str, org_kind: str, source: str, seen: Presence,
                       run_id: str, today: dt.date, now: dt.datetime) -> int:
    """Mark organizations of one kind and ``source`` that this run did not see as inactive (never deleted).

    A snapshot is the full registry of ONE kind from ONE source: organizations of other kinds loaded with the
    same source name are not in it and stay as they are.

    Args:
        org_kind: the organizations' ``kind`` property (``enterprise``, ``social_org``…).
        seen: what the dump named, rejected rows included: a rejected row that names a key is evidence that its
            organization is in the registry.

    Returns:
        How many organizations were deactivated.
    """
    with driver.session(database=database, notifications_min_severity="OFF") as session:
        records = session.run(*named("ingest_snapshot_active", source=source, kind=org_kind)).data()
    missing = sorted(r["uid"] for r in records if not seen.names(r["uid"], r["name"]))
    for i in range(0, len(missing), _CHUNK):
        driver.execute_query(*named("ingest_snapshot_deactivate", uids=missing[i:i + _CHUNK], today=today,
                                    runId=run_id, now=now), database_=database)
    return len(missing)


def link_duplicates(driver: neo4j.Driver, database: str, names: Iterable[str], source: str, run_id: str,
                    now: dt.datetime) -> tuple[int, int]:
    """Recompute the ``SAME_AS {score, reason}`` candidates of the normalized names this run touched.

    A candidate joins organizations sharing a normalized name but not a credit code; the direction is from the
    smaller uid to the larger, so re-runs MERGE the same edge. Candidates of these names that no longer hold (an
    end was renamed: its new name is among ``names``) are deleted first.

    Returns:
        How many candidate edges were created and how many stale ones were removed.
    """
    created = removed = 0
    ordered = sorted(set(names))
    for i in range(0, len(ordered), _CHUNK):
        chunk = ordered[i:i + _CHUNK]
        _, stale, _ = driver.execute_query(*named("ingest_same_as_stale", names=chunk), database_=database)
        removed += stale.counters.relationships_deleted
        _, summary, _ = driver.execute_query(*named("ingest_same_as_link", names=chunk, source=source,
                                                    runId=run_id, now=now), database_=database)
        created += summary.counters.relationships_created
    return created, removed
