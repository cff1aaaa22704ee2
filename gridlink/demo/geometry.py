"""Invented but plausible geometry: a lattice cell per community, split into 2-6 grids.

All of Chengdu's communities (sorted by code) fill a lattice over the bbox 103.90-104.20E, 30.55-30.75N, row by
row from the north-west, so a district is a band of neighbouring cells and the geometry of a community is the same
whichever area is generated. Each cell is cut into 2-6 rectangular grids with jittered cut lines, numbered west to
east, north to south (the DB11 rule); the grids tile the cell exactly. Coordinates are WGS-84, rounded to 6 places
(~0.1 m) *before* the rectangles are built, so rounding never moves a grid outside its cell.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from functools import lru_cache

from gridlink.demo.divisions import Community, city

WEST, EAST, SOUTH, NORTH = 103.90, 104.20, 30.55, 30.75
# rows of grids per community and grids per row, by grid count
_LAYOUTS = {2: (2,), 3: (3,), 4: (2, 2), 5: (2, 3), 6: (3, 3)}


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in degrees."""

    west: float
    south: float
    east: float
    north: float

    def ring(self) -> list[list[float]]:
        """The closed GeoJSON exterior ring, counter-clockwise (RFC 7946)."""
        return [[self.west, self.south], [self.east, self.south], [self.east, self.north],
                [self.west, self.north], [self.west, self.south]]

    def point(self, u: float, v: float, margin: float = 0.1) -> tuple[float, float]:
        """The point at fractions ``u`` (west->east) and ``v`` (south->north), ``margin`` off the edges."""
        span = 1 - 2 * margin
        lon = self.west + (margin + u * span) * (self.east - self.west)
        lat = self.south + (margin + v * span) * (self.north - self.south)
        return round(lon, 6), round(lat, 6)


@dataclass(frozen=True)
class GridCell:
    """One grid: 15-digit code (community code + 3-digit sequence) and its rectangle."""

    code: str
    seq: int
    name: str
    community: Community
    box: Box


def _unit(seed: int, tag: str) -> float:
    h = hashlib.blake2b(f"{seed}:{tag}".encode(), digest_size=8).digest()
    return int.from_bytes(h, "big") / 2**64


@lru_cache(maxsize=1)
def _lattice() -> tuple[int, int]:
    n = len(city())
    # cells roughly square on the ground: a degree of longitude is cos(lat) shorter than one of latitude
    aspect = (EAST - WEST) * math.cos(math.radians((SOUTH + NORTH) / 2)) / (NORTH - SOUTH)
    cols = math.ceil(math.sqrt(n * aspect))
    return cols, math.ceil(n / cols)


def community_box(c: Community) -> Box:
    """The lattice cell of a community (independent of the seed and of the selected area)."""
    cols, rows = _lattice()
    row, col = divmod(c.index, cols)
    dx, dy = (EAST - WEST) / cols, (NORTH - SOUTH) / rows
    return Box(round(WEST + col * dx, 6), round(NORTH - (row + 1) * dy, 6),
               round(WEST + (col + 1) * dx, 6), round(NORTH - row * dy, 6))


def grid_count(seed: int, c: Community) -> int:
    """How many grids the community has (2-6, fixed by the seed)."""
    return 2 + int(_unit(seed, "grids:" + c.code) * 5)


def _cuts(lo: float, hi: float, parts: int, seed: int, tag: str) -> list[float]:
    """``parts + 1`` rounded cut positions from lo to hi, inner ones jittered by up to 15% of a part."""
    step = (hi - lo) / parts
    inner = [round(lo + (k + 0.3 * (_unit(seed, f"{tag}:{k}") - 0.5)) * step, 6) for k in range(1, parts)]
    return [lo, *inner, hi]


def grids_of(seed: int, c: Community) -> list[GridCell]:
    """The community's grids, numbered 001.. west to east, north to south."""
    cell = community_box(c)
    layout = _LAYOUTS[grid_count(seed, c)]
    ys = _cuts(cell.north, cell.south, len(layout), seed, "rows:" + c.code)  # north -> south
    out: list[GridCell] = []
    for r, per_row in enumerate(layout):
        xs = _cuts(cell.west, cell.east, per_row, seed, f"cols:{c.code}:{r}")
        for k in range(per_row):
            seq = len(out) + 1
            box = Box(xs[k], ys[r + 1], xs[k + 1], ys[r])
            out.append(GridCell(f"{c.code}{seq:03d}", seq, f"{c.short}第{_CN_NUM[seq]}网格", c, box))
    return out


_CN_NUM = ("零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十")
