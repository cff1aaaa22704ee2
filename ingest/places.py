"""Where things are: the loaded divisions and grids, point-in-polygon, address-text matching, GCJ-02.

:class:`Places` is loaded once per run (one query for the division code->level map, one for the grids) and is
read-only afterwards, so the transforms stay pure functions of a row and this snapshot.

Coordinates are WGS-84 longitude/latitude. Maps of Chinese providers (Amap/Gaode, Tencent) use GCJ-02: pass
``--crs gcj02`` and points are converted to WGS-84 before placing and storing them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

LEVEL_RANK = {"city": 1, "district": 2, "street": 3, "community": 4}


@dataclass(frozen=True)
class Division:
    """One loaded division."""

    code: str
    level: str
    name: str | None
    parent: str | None


@dataclass(frozen=True)
class GridInfo:
    """One loaded grid (without its polygon)."""

    uid: str
    code: str
    scheme: str
    community_code: str | None


@dataclass
class Places:
    """Read-only snapshot of divisions and grids for one run."""

    divisions: dict[str, Division] = field(default_factory=dict)
    grids: dict[str, GridInfo] = field(default_factory=dict)  # by uid
    grid_by_code: dict[str, GridInfo] = field(default_factory=dict)
    _tree: Any = None
    _tree_uids: list[str] = field(default_factory=list)
    _geoms: list[Any] = field(default_factory=list)
    _names: dict[str, list[str]] = field(default_factory=dict)  # name form -> division codes
    _max_name: int = 0

    @classmethod
    def build(cls, divisions: Iterable[Division], grids: Iterable[tuple[GridInfo, str | None]]) -> Places:
        """Index divisions and grids (``grids`` pairs a grid with its GeoJSON boundary text)."""
        from shapely import STRtree
        from shapely.geometry import shape

        p = cls()
        for d in divisions:
            p.divisions[d.code] = d
            for form in _name_forms(d):
                p._names.setdefault(form, []).append(d.code)
        p._max_name = max((len(n) for n in p._names), default=0)
        for g, boundary in grids:
            p.grids[g.uid] = g
            # a code may exist in several schemes: prefer LOCAL for a bare code
            if g.code not in p.grid_by_code or g.scheme == "LOCAL":
                p.grid_by_code[g.code] = g
            if boundary:
                try:
                    geom = shape(json.loads(boundary))
                except (ValueError, TypeError, AttributeError, KeyError):
                    continue
                p._geoms.append(geom)
                p._tree_uids.append(g.uid)
        if p._geoms:
            p._tree = STRtree(p._geoms)
        return p

    def division(self, code12: str) -> Division | None:
        """The division with this code, if loaded."""
        return self.divisions.get(code12)

    def grid(self, code_or_uid: str) -> GridInfo | None:
        """A grid by ``scheme:code`` uid or by bare code."""
        return self.grids.get(code_or_uid) or self.grid_by_code.get(code_or_uid)

    def grid_at(self, lon: float, lat: float) -> GridInfo | None:
        """The grid whose polygon contains the point (the first by uid when polygons overlap)."""
        if self._tree is None:
            return None
        from shapely import Point

        pt = Point(lon, lat)
        hits = [self._tree_uids[int(i)] for i in self._tree.query(pt, predicate="intersects")]
        return self.grids[min(hits)] if hits else None

    def match_address(self, text: str) -> Division | None:
        """The most precise division named in an address (district, then street/town, then community/village).

        A name only counts when it is consistent with the less precise names found (a community must lie in the
        street found, if any, else in the district found); an ambiguous name (several divisions) counts only when
        that context makes it unique.
        """
        found: dict[str, set[str]] = {"district": set(), "street": set(), "community": set()}
        n = len(text)
        for i in range(n):
            for j in range(i + 2, min(n, i + self._max_name) + 1):
                codes = self._names.get(text[i:j])
                if codes:
                    for c in codes:
                        lvl = self.divisions[c].level
                        if lvl in found:
                            found[lvl].add(c)
        districts = found["district"]
        streets = {s for s in found["street"] if not districts or self.divisions[s].parent in districts}
        communities = {c for c in found["community"]
                       if (streets and self.divisions[c].parent in streets)
                       or (not streets and districts and _grandparent(self, c) in districts)
                       or (not streets and not districts)}
        for candidates in (communities, streets, districts):
            if len(candidates) == 1:
                return self.divisions[next(iter(candidates))]
        return None


def _grandparent(p: Places, code: str) -> str | None:
    parent = p.divisions[code].parent
    return p.divisions[parent].parent if parent and parent in p.divisions else None


_SUFFIXES = (("社区居民委员会", "社区"), ("社区居委会", "社区"), ("居民委员会", "社区"), ("居委会", "社区"),
             ("村民委员会", "村"), ("村委会", "村"), ("街道办事处", "街道"))


def _name_forms(d: Division) -> set[str]:
    """Full name plus the forms an address uses (社区居委会 -> 社区, 街道办事处 -> 街道), never bare stems."""
    if not d.name or d.level not in ("district", "street", "community"):
        return set()
    forms = {d.name}
    for long, short in _SUFFIXES:
        if d.name.endswith(long) and len(d.name) > len(long):
            forms.add(d.name[: -len(long)] + short)
            break  # longest suffix first: 社区居委会 must not also yield 社区社区
    if d.level == "street" and d.name.endswith("街道"):
        forms.add(d.name + "办事处")
    return {f for f in forms if len(f) >= 3}


# ---- GCJ-02 (the "Mars" datum of Chinese web maps) <-> WGS-84 --------------------------------------------
_A = 6378245.0
_EE = 0.00669342162296594323


def _delta(lon: float, lat: float) -> tuple[float, float]:
    x, y = lon - 105.0, lat - 35.0
    dlat = (-100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
            + (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
            + (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
            + (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0)
    dlon = (300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
            + (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
            + (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
            + (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0)
    rad = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(rad) ** 2
    sqrt_magic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrt_magic) * math.pi)
    dlon = (dlon * 180.0) / (_A / sqrt_magic * math.cos(rad) * math.pi)
    return dlon, dlat


def wgs84_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    """Forward transform (WGS-84 -> GCJ-02)."""
    dlon, dlat = _delta(lon, lat)
    return lon + dlon, lat + dlat


def gcj02_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    """Inverse transform by fixed-point iteration (error below 1e-7 degrees, about 1 cm)."""
    wlon, wlat = lon, lat
    for _ in range(30):
        glon, glat = wgs84_to_gcj02(wlon, wlat)
        dlon, dlat = glon - lon, glat - lat
        wlon, wlat = wlon - dlon, wlat - dlat
        if abs(dlon) < 1e-9 and abs(dlat) < 1e-9:
            break
    return wlon, wlat
