"""The demo world: the area, its grids, how many of each thing, and every organization's identity by index.

Organization ``i`` (0 <= i < scale) is a pure function of (seed, i): public units first, then enterprises, then
social organizations. Its code, name, place, size and whether it is dirty come from a hash of (seed, i), so later
files (party organizations, resources, memberships) can refer to any organization without keeping a list of a
million of them in memory; details that nothing refers to (legal representative, capital...) come from the
streaming ``random.Random(seed)`` of each file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from graph import localtime
from gridlink.demo.codes_gen import Permutation
from gridlink.demo.divisions import Area, Community
from gridlink.demo.geometry import GridCell, grids_of
from gridlink.demo.names import INDUSTRIES, SYLLABLES

#: share of organization rows that carry one realistic defect, and the defects' relative weights
DIRTY_SHARE = 0.02
DIRTY_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("fullwidth", 3), ("spaces", 3), ("bad_check", 2), ("pilot", 1), ("excel", 2), ("unknown_division", 2),
    ("missing_name", 2), ("duplicate", 3), ("address_only", 4),
)
#: defects whose row the ingest must reject (everything else is loaded, flagged or placed by address)
REJECTED_DIRTS = frozenset({"unknown_division", "missing_name"})


class Draw:
    """Independent uniform numbers derived from one hash: ``d.unit()``, ``d.below(n)``."""

    __slots__ = ("_n",)

    def __init__(self, *key: object) -> None:
        digest = hashlib.blake2b(":".join(map(str, key)).encode(), digest_size=64).digest()  # 512 bits: ~25 draws
        self._n = int.from_bytes(digest, "big")

    def below(self, n: int) -> int:
        """A number in ``range(n)``."""
        self._n, r = divmod(self._n, n)
        return r

    def unit(self) -> float:
        """A float in [0, 1) with 20 bits of resolution."""
        return self.below(1 << 20) / (1 << 20)

    def pick(self, weighted: tuple[tuple[str, int], ...]) -> str:
        """A key of ``weighted`` with probability proportional to its weight."""
        r = self.below(sum(w for _, w in weighted))
        for key, w in weighted:
            if r < w:
                return key
            r -= w
        raise AssertionError("unreachable")


@dataclass(frozen=True)
class OrgCore:
    """What other files need to know about organization ``index``."""

    index: int
    kind: str  # enterprise | public_unit | social_org
    sub: int  # index within its kind
    uscc: str
    name: str
    org_type: str  # registry type text (企业类型 / 机关 / 事业单位 / 社会团体 ...)
    variant: int  # index into INDUSTRIES / PUBLIC_TYPES (-1: street office) / SOCIAL_TYPES
    community: Community
    grid: GridCell
    lon: float
    lat: float
    staff: int
    active: bool
    party: str  # '' (none) | 'own' | 'joint' (small firm in a 联合党支部)
    dirt: str  # '' or one key of DIRTY_WEIGHTS


class World:
    """Sizes and identities of one demo set (seed, scale, area)."""

    def __init__(self, seed: int, scale: int, area: Area, as_of: date | None = None) -> None:
        self.seed, self.scale, self.area = seed, scale, area
        # the demo's "now": every date of the set is counted back (or on) from it, so a set generated today has
        # fresh, overdue and stuck needs today; the same day (and seed, scale, area) gives the same bytes
        self.as_of = as_of or localtime.today()
        streets = len(area.streets)
        self.n_public = max(round(scale * 0.06), streets + len(area.communities) // 4 + 1)
        self.n_social = round(scale * 0.08)
        self.n_enterprise = scale - self.n_public - self.n_social
        if self.n_enterprise < scale // 2:
            raise ValueError(f"scale {scale} is too small for {len(area.communities)} communities; "
                             f"use at least {2 * (streets + len(area.communities) // 4 + 1) + 10}")
        # permutations over the whole name / code space, so small sets still use every syllable
        s = len(SYLLABLES)
        ent_block, soc_block = s * s * len(INDUSTRIES), s * s
        self.perm_ent = Permutation(f"{seed}:ent", ent_block * -(-self.n_enterprise // ent_block))
        self.perm_soc = Permutation(f"{seed}:soc", soc_block * -(-max(self.n_social, 1) // soc_block))
        self.perm_ma = Permutation(f"{seed}:ma", 31**5)
        self.perm_mj = Permutation(f"{seed}:mj", 10**6)
        self.perm_num = Permutation(f"{seed}:num", 10**7)

    @cached_property
    def grids(self) -> dict[str, list[GridCell]]:
        """Grids of every community of the area, by community code."""
        return {c.code: grids_of(self.seed, c) for c in self.area.communities}

    @cached_property
    def street_offices(self) -> dict[str, int]:
        """Street code -> index of its 街道办事处 (public units 0..streets-1)."""
        return {s.code: k for k, s in enumerate(self.area.streets)}

    def kind_of(self, i: int) -> tuple[str, int]:
        """(kind, index within kind) of organization ``i``."""
        if i < self.n_public:
            return "public_unit", i
        if i < self.n_public + self.n_enterprise:
            return "enterprise", i - self.n_public
        return "social_org", i - self.n_public - self.n_enterprise

    def place(self, d: Draw, community: Community) -> tuple[GridCell, float, float]:
        """A grid of the community and a point inside it."""
        grids = self.grids[community.code]
        grid = grids[d.below(len(grids))]
        lon, lat = grid.box.point(d.unit(), d.unit())
        return grid, lon, lat

    def community_for(self, d: Draw) -> Community:
        """A community of the area, uniformly."""
        cs = self.area.communities
        return cs[d.below(len(cs))]

    def org(self, i: int) -> OrgCore:
        """The identity of organization ``i`` (pure function of seed and ``i``)."""
        from gridlink.demo import orgs  # the name and code builders live there

        kind, sub = self.kind_of(i)
        d = Draw(self.seed, "org", i)
        return orgs.build_core(self, d, i, kind, sub)
