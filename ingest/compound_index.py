"""The loaded compounds (小区/院落) of a run: find one by code, by name within a community, or in address text.

Loaded once per run of the kinds that point at compounds (work orders, owners' committees, party organizations,
party members, needs), read-only afterwards like :class:`ingest.places.Places`, so the transforms stay pure
functions of a row and these snapshots. One entry per compound (uid, normalized name, community, grid): about
200 bytes each, so even a city's 10^5 compounds fit; work orders, which come by the million, are streamed past it.

Identity (graph/MODEL.md): a compound without a registry code has the uid :func:`compound_key` of its normalized
name and the community it lies in; every compound stores that hash as ``nameKey``, so "小区名称 + 所属社区" in any
other export finds it without the code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

import neo4j

from ingest.cells import name_norm
from ingest.cypher import named

#: a compound name shorter than this is not searched for in address text (一期, 1号院 would match anywhere)
MIN_ADDRESS_NAME = 3


def compound_key(name_normalized: str, division: str | None) -> str:
    """``c:`` + 16 hex of sha1(normalized name | division code): the uid of a compound without a registry code."""
    digest = hashlib.sha1(f"{name_normalized}|{division or ''}".encode(), usedforsecurity=False).hexdigest()
    return "c:" + digest[:16]


@dataclass(frozen=True)
class CompoundInfo:
    """One loaded compound."""

    uid: str
    name_norm: str
    community: str | None
    grid: str | None


@dataclass
class CompoundIndex:
    """Read-only snapshot of the compounds for one run."""

    by_uid: dict[str, CompoundInfo] = field(default_factory=dict)
    by_key: dict[str, CompoundInfo] = field(default_factory=dict)  # nameKey -> compound
    by_name: dict[str, list[CompoundInfo]] = field(default_factory=dict)  # normalized name -> compounds
    by_community: dict[str, list[CompoundInfo]] = field(default_factory=dict)

    @classmethod
    def build(cls, compounds: Iterable[CompoundInfo]) -> CompoundIndex:
        """Index compounds by uid, name key, name and community."""
        idx = cls()
        for c in compounds:
            idx.by_uid[c.uid] = c
            idx.by_key[compound_key(c.name_norm, c.community)] = c
            idx.by_name.setdefault(c.name_norm, []).append(c)
            idx.by_community.setdefault(c.community or "", []).append(c)
        return idx

    def find(self, ref: str, community: str | None) -> CompoundInfo | None:
        """A compound by its code (uid), else by name within ``community``, else by a name unique everywhere."""
        if ref in self.by_uid:
            return self.by_uid[ref]
        norm = name_norm(ref)
        if community:
            return self.by_key.get(compound_key(norm, community))
        same = self.by_name.get(norm, [])
        return same[0] if len(same) == 1 else None

    def in_address(self, text: str, community: str | None) -> CompoundInfo | None:
        """The compound whose name appears in an address: the longest name found among the community's
        compounds (all compounds when the community is unknown), only when no other name of that length does."""
        norm = name_norm(text)
        pool = self.by_community.get(community or "", []) if community else list(self.by_uid.values())
        hits = [c for c in pool if len(c.name_norm) >= MIN_ADDRESS_NAME and c.name_norm in norm]
        if not hits:
            return None
        longest = max(len(c.name_norm) for c in hits)
        best = [c for c in hits if len(c.name_norm) == longest]
        return best[0] if len(best) == 1 else None


def load_compounds(driver: neo4j.Driver, database: str) -> CompoundIndex:
    """Every compound (uid, normalized name, community, first grid) in one read."""
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS,
                        notifications_min_severity="OFF") as session:
        rows = session.run(*named("ingest_compounds_index")).data()
    return CompoundIndex.build(CompoundInfo(r["uid"], r["name"] or "", r["community"], r["grid"]) for r in rows)
