"""Transform: a mapped row -> a :class:`~ingest.records.Record` or a :class:`~ingest.records.RowReject`.

Pure functions of the row and a read-only :class:`Context` (the divisions and grids loaded at the start of the
run). Per-kind transforms live in ``transform_*.py``; this module holds the shared field access and placement.

Rejected (row not loaded): a required value missing, an unreadable row, a division or grid code not in the loaded
hierarchy, coordinates that are not numbers, a category/type word that is unknown, a required reference not
found. Flagged (loaded, and listed in the report): a credit code failing its checks, an optional date or number
that cannot be read (stored as null), coordinates outside China (ignored).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from neo4j.spatial import WGS84Point

from ingest import cells
from ingest.codes import pad_division
from ingest.compound_index import CompoundIndex
from ingest.places import Places, gcj02_to_wgs84
from ingest.readers import ERROR, GEOMETRY
from ingest.records import Issue, Record, RowReject

#: characters of one value: an Excel cell holds no more, so a longer one is not a real export's cell
MAX_TEXT = 32_767
#: characters of a name, id or code: Neo4j indexes these, and a range index key holds about 8 KB
MAX_KEY = 500


@dataclass(frozen=True)
class Context:
    """Read-only inputs of every transform in one run."""

    places: Places
    crs: str = "wgs84"
    pseudonym_key: bytes = b""
    compounds: CompoundIndex = field(default_factory=CompoundIndex)  # only for kinds that name compounds
    as_of: dt.date | None = None  # the day age bands are computed for (None: today)


class Fields:
    """Typed access to one mapped row; parse failures become rejects or flags naming the field."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values
        self.issues: list[Issue] = []
        if values.get(ERROR):
            raise RowReject(None, str(values[ERROR]))

    def text(self, name: str, limit: int = MAX_TEXT) -> str | None:
        """The value as text (lists joined with ``;``), or ``None``; a reject when longer than ``limit``."""
        v = self.values.get(name)
        if v is None:
            return None
        text = ";".join(str(x) for x in v) if isinstance(v, list) else str(v)
        if len(text) > limit:
            raise RowReject(name, f"value is {len(text)} characters long; at most {limit} fit in this column")
        return text or None

    def required(self, name: str) -> str:
        """The value (a name, id or code: at most :data:`MAX_KEY` characters), or a reject when it is empty."""
        v = self.text(name, MAX_KEY)
        if v is None:
            raise RowReject(name, "required value is empty")
        return v

    def multi(self, name: str) -> list[str]:
        """A multi-valued cell (``；`` ``;`` ``、`` separated)."""
        return cells.split_multi(self.values.get(name))

    def geometry(self) -> Any:
        """The GeoJSON geometry of a feature row."""
        return self.values.get(GEOMETRY)

    def _soft(self, name: str, parse: Callable[[Any], Any], what: str) -> Any:
        v = self.values.get(name)
        if v is None:
            return None
        try:
            return parse(v)
        except ValueError:
            self.issues.append(Issue("flagged", name, f"not {what}; stored as empty"))
            return None

    def date(self, name: str) -> dt.date | None:
        """A date, or ``None`` (flagged when unreadable)."""
        return self._soft(name, cells.parse_date, "a date (YYYY-MM-DD)")  # type: ignore[no-any-return]

    def int(self, name: str, lo: int | None = None, hi: int | None = None) -> int | None:
        """A whole number in ``[lo, hi]``, or ``None`` (flagged when unreadable or out of range)."""
        n = self._soft(name, cells.parse_int, "a whole number")
        if n is not None and ((lo is not None and n < lo) or (hi is not None and n > hi)):
            self.issues.append(Issue("flagged", name, f"{n} is outside {lo}..{hi}; stored as empty"))
            return None
        return n  # type: ignore[no-any-return]

    def lookup(self, name: str, table: dict[str, Any], default: Any = None, reject: bool = False) -> Any:
        """A vocabulary word mapped through ``table`` (exact, then case-insensitive)."""
        word = self.text(name)
        if word is None:
            return default
        if word in table:
            return table[word]
        lowered = {k.lower(): v for k, v in table.items()}
        if word.lower() in lowered:
            return lowered[word.lower()]
        if reject:
            sample = ", ".join(list(dict.fromkeys(str(k) for k in table))[:8])
            raise RowReject(name, f"unknown value {word!r} (expected one of: {sample}, …)")
        self.issues.append(Issue("flagged", name, f"unknown value {word!r}"))
        return default


def hashed_uid(name_norm: str, division: str | None) -> str:
    """``n:`` + 16 hex of sha1(normalized name | division code): the id of an organization without a code."""
    digest = hashlib.sha1(f"{name_norm}|{division or ''}".encode(), usedforsecurity=False).hexdigest()
    return "n:" + digest[:16]


def division_ref(f: Fields, ctx: Context, name: str, levels: tuple[str, ...] | None = None) -> str | None:
    """A division code from a field, checked against the loaded hierarchy (reject when unknown)."""
    raw = f.text(name)
    if raw is None:
        return None
    code = pad_division(raw)
    if code is None:
        raise RowReject(name, f"{raw!r} is not a division code (6, 9 or 12 digits)")
    div = ctx.places.division(code)
    if div is None:
        raise RowReject(name, f"unknown division {code}: not in the loaded divisions (load them first with "
                              "`gridlink ingest divisions`)")
    if levels and div.level not in levels:
        raise RowReject(name, f"division {code} is a {div.level}, expected {' or '.join(levels)}")
    return code


def grid_ref(f: Fields, ctx: Context, name: str) -> str | None:
    """A grid uid from a grid code field (reject when the grid is not loaded)."""
    raw = f.text(name)
    if raw is None:
        return None
    g = ctx.places.grid(raw)
    if g is None:
        raise RowReject(name, f"unknown grid {raw}: not in the loaded grids (load them first with "
                              "`gridlink ingest grids`)")
    return g.uid


def area_ref(ctx: Context, code: str, name: str) -> tuple[str, str]:
    """A division code (12 digits) or grid code as ``(slot kind, key)``; reject when unknown."""
    padded = pad_division(code)
    if padded is not None and ctx.places.division(padded):
        return "division", padded
    g = ctx.places.grid(code)
    if g is not None:
        return "grid", g.uid
    raise RowReject(name, f"unknown area {code}: neither a loaded division nor a loaded grid")


def place(rec: Record, f: Fields, ctx: Context, address: str | None = None) -> None:
    """Set ``location``/``placement`` and the IN_GRID / IN_DIVISION slots of a record.

    Order: coordinates in a grid polygon (``grid-point``), else an explicit grid or division code
    (``division-code``), else the address text matched against division names (``address-text``), else
    ``unplaced``. Codes are validated even when coordinates already placed the row.
    """
    grid_uid = grid_ref(f, ctx, "gridCode") if "gridCode" in f.values else None
    div_code = division_ref(f, ctx, "divisionCode") if "divisionCode" in f.values else None
    point = _point(f, ctx)
    rec.props["location"] = WGS84Point(point) if point else None
    placement = "unplaced"
    if point:
        g = ctx.places.grid_at(*point)
        if g is not None:
            grid_uid, placement = g.uid, "grid-point"
            div_code = g.community_code or div_code
    if placement == "unplaced" and grid_uid:
        placement = "division-code"
        g2 = ctx.places.grids[grid_uid]
        div_code = g2.community_code or div_code
    elif placement == "unplaced" and div_code:
        placement = "division-code"
    if placement == "unplaced" and address:
        hit = ctx.places.match_address(address)
        if hit is not None:
            div_code, placement = hit.code, "address-text"
    if grid_uid:
        rec.add_rel("inGrid", grid_uid)
    if div_code:
        rec.add_rel("inDivision", div_code)
    rec.props["placement"] = placement
    if placement == "unplaced":
        rec.issues.append(Issue("unplaced", None, "no coordinates in a grid, no known code, no division name "
                                                  "found in the address"))


def _point(f: Fields, ctx: Context) -> tuple[float, float] | None:
    lon_raw, lat_raw = f.values.get("lon"), f.values.get("lat")
    if lon_raw is None and lat_raw is None:
        return None
    if lon_raw is None or lat_raw is None:
        f.issues.append(Issue("flagged", "lon" if lon_raw is None else "lat", "only one coordinate; ignored"))
        return None
    try:
        lon, lat = cells.parse_float(lon_raw), cells.parse_float(lat_raw)
    except ValueError as e:
        raise RowReject("lon", f"coordinates are not numbers ({lon_raw!r}, {lat_raw!r})") from e
    if 3 <= lon <= 54 and 73 <= lat <= 136:
        f.issues.append(Issue("flagged", "lon", "longitude and latitude look swapped; swapped back"))
        lon, lat = lat, lon
    if not (73 <= lon <= 136 and 3 <= lat <= 54):
        f.issues.append(Issue("flagged", "lon", f"({lon}, {lat}) is outside China; coordinates ignored"))
        return None
    if ctx.crs == "gcj02":
        lon, lat = gcj02_to_wgs84(lon, lat)
    return round(lon, 7), round(lat, 7)
