"""The map page: ``/map`` (HTML), ``/map/data`` (the area's grids, communities and streets as GeoJSON).

Grids are drawn from the boundaries stored on them (GeoJSON text, ``Grid.boundary``), and over them the
compounds (小区/院落) whose registry gave a polygon (``Compound.boundary``, query ``map_compounds``);
divisions store none, so a community's and a street's outline is the union of their grids'.
Boundaries are simplified here, on the server,
with shapely, so a district of a few hundred grids is a few hundred kilobytes whatever the number of
organizations behind the indicators (those are counts computed in Cypher, ``queries/map_grids.cypher``). There
are no background tiles: the page works on a network with no internet. Clicking a grid asks GraphQL's
``resourcesForGrid`` for the ranking and searching asks ``searchOrganizations``; both from ``static/js/map.js``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from shapely import unary_union
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

from api import db
from api.errors import Neo4jUnavailableError
from api.pages import page, request_lang
from graph.i18n import translations

#: simplification tolerances in degrees (1e-5° is about a metre in Chengdu)
GRID_TOLERANCE = 3e-5
OUTLINE_TOLERANCE = 1e-4
#: page text the script needs, translated on the server (English msgids; the catalog has the Chinese)
SCRIPT_MESSAGES = (
    "Party coverage", "Open needs", "Indicator", "Search a community or organization", "No match",
    "Ranked resources", "Score", "Distance", "Reasons", "Provider", "no resource could serve this grid",
    "Loading…", "Click a grid to see the resources that could serve it, and why.", "units covered",
    "no units", "open needs", "Community", "Street", "Grid", "Organization", "Could not load the map data",
    "IN_GRID", "SAME_COMMUNITY", "SAME_STREET", "COMMUNITY_COMMITTEE_MEMBER", "STREET_COMMITTEE_MEMBER",
    "ALLIANCE_COVERS_GRID", "AGREEMENT_WITH_COMMUNITY", "WITHIN_DISTANCE", "MATCHES_OPEN_NEED", "m",
)


def _rounded(value: Any) -> Any:
    """Coordinates to 6 decimals (about 0.1 m): the JSON stays small."""
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


def _feature(geom: BaseGeometry, props: dict[str, Any]) -> dict[str, Any]:
    geo = mapping(geom)
    return {"type": "Feature", "geometry": {"type": geo["type"], "coordinates": _rounded(geo["coordinates"])},
            "properties": props}


def _outlines(parts: dict[tuple[str, str], list[BaseGeometry]]) -> dict[str, Any]:
    features = []
    for (code, name), geoms in sorted(parts.items()):
        outline = unary_union(geoms).simplify(OUTLINE_TOLERANCE, preserve_topology=True)
        features.append(_feature(outline, {"code": code, "name": name}))
    return {"type": "FeatureCollection", "features": features}


def compound_features(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The compounds' polygons (``map_compounds`` rows), simplified like grids; unreadable ones are left out."""
    features = []
    for r in rows:
        try:
            geom = shape(json.loads(r["boundary"]))
        except (ValueError, TypeError, KeyError, AttributeError):
            continue
        if geom.is_empty:
            continue
        features.append(_feature(geom.simplify(GRID_TOLERANCE, preserve_topology=True),
                                 {"uid": r["uid"], "name": r["name"], "type": r["type"]}))
    return {"type": "FeatureCollection", "features": features}


def build_map_data(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The map's GeoJSON from ``map_grids`` rows: simplified grids with indicators, dissolved outlines."""
    grids = []
    communities: dict[tuple[str, str], list[BaseGeometry]] = defaultdict(list)
    streets: dict[tuple[str, str], list[BaseGeometry]] = defaultdict(list)
    for r in rows:
        if not r["boundary"]:
            continue
        geom = shape(json.loads(r["boundary"]))
        if geom.is_empty:
            continue
        if not geom.is_valid:
            geom = geom.buffer(0)
        units, covered = int(r["units"]), int(r["coveredUnits"])
        grids.append(_feature(geom.simplify(GRID_TOLERANCE, preserve_topology=True), {
            "uid": r["uid"], "code": r["code"], "name": r["name"], "communityCode": r["communityCode"],
            "communityName": r["communityName"], "streetName": r["streetName"], "units": units,
            "coveredUnits": covered, "coverage": round(covered / units, 4) if units else None,
            "openNeeds": int(r["openNeeds"])}))
        communities[(r["communityCode"], r["communityName"] or "")].append(geom)
        if r["streetCode"]:
            streets[(r["streetCode"], r["streetName"] or "")].append(geom)
    return {"grids": {"type": "FeatureCollection", "features": grids},
            "communities": _outlines(communities), "streets": _outlines(streets)}


async def _default_area() -> dict[str, Any] | None:
    roots = await db.read("division_roots", {})
    return roots[0]["division"] if roots else None


def mount_map(app: FastAPI) -> None:
    """Add ``/map`` and ``/map/data``."""

    @app.get("/map", include_in_schema=False)
    async def map_page(request: Request) -> HTMLResponse:
        lang = request_lang(request)
        _ = translations(lang).gettext
        messages = json.dumps({m: _(m) for m in SCRIPT_MESSAGES}, ensure_ascii=False)
        return HTMLResponse(page("map.html", lang, title=_("gridlink map"), heading=_("Grids and resources"),
                                 messages=messages, search=_("Search a community or organization"),
                                 indicator=_("Indicator"), coverage=_("Party coverage"), needs=_("Open needs"),
                                 hint=_("Click a grid to see the resources that could serve it, and why."),
                                 loading=_("Loading…")))

    @app.get("/map/data", tags=["map"])
    async def map_data(code: str | None = Query(default=None, max_length=20, pattern=r"^[0-9]+$",
                                                 description="division code (default: the top of the tree)")
                       ) -> JSONResponse:
        """The grids of an area with simplified boundaries and indicators, community and street outlines, and the
        compounds that have a boundary."""
        try:
            area = await _default_area() if code is None else {"code": code}
            if area is None:
                return JSONResponse({"area": None, **build_map_data([]), "compounds": compound_features([])})
            rows = await db.read("map_grids", {"code": area["code"]})
            compounds = await db.read("map_compounds", {"code": area["code"]})
        except Neo4jUnavailableError as e:
            raise HTTPException(503, "the graph database is not reachable; try again shortly") from e
        if code is not None and not rows:
            raise HTTPException(404, f"code: no division with grids has the code {code}")
        return JSONResponse({"area": area, **build_map_data(rows), "compounds": compound_features(compounds)})
