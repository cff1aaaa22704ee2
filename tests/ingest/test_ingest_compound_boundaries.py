"""Compound boundaries (issue #12): a polygon from a GeoJSON file or a 边界 column (GeoJSON or WKT) is stored, places
the compound by its inner point when no coordinates are given, and a bad one is flagged, not fatal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import neo4j
from ingest_fixtures import COMMUNITY, COMMUNITY2, GRID1, GRID2, write_csv

# inside GRID1's square (104.05..104.06, 30.62..30.63) and inside GRID2's (104.07..104.08)
SQUARE1 = [[104.052, 30.622], [104.056, 30.622], [104.056, 30.626], [104.052, 30.626], [104.052, 30.622]]
WKT2 = "POLYGON ((104.072 30.622, 104.076 30.622, 104.076 30.626, 104.072 30.626, 104.072 30.622))"


def _report(summary: Any) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(summary.report_path).read_text(encoding="utf-8").splitlines()]


def test_boundaries_from_geojson_and_columns(places_graph: neo4j.Driver, tmp_path: Path) -> None:
    from ingest import ingest_files

    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [SQUARE1]},
         "properties": {"小区名称": "方形花园", "小区类型": "商品房小区", "所属社区": COMMUNITY, "户数": 300}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [104.075, 30.625]},
         "properties": {"小区名称": "点状院落", "小区类型": "老旧院落", "所属社区": COMMUNITY2}},
    ]}
    gj = tmp_path / "compounds.geojson"
    gj.write_text(json.dumps(fc, ensure_ascii=False), encoding="utf-8")
    s = ingest_files("compounds", [gj], report=tmp_path / "g.jsonl")
    assert (s.loaded, s.rejected) == (2, 0), s
    csv = write_csv(tmp_path / "c.csv", ["小区名称", "所属社区", "边界"], [
        ["WKT小区", COMMUNITY2, WKT2],
        ["坏边界小区", COMMUNITY, "POLYGON ((1 2, 3"],                                   # flagged, still loaded
        ["线状小区", COMMUNITY, '{"type": "LineString", "coordinates": [[104.05, 30.62], [104.06, 30.63]]}'],
    ])
    c = ingest_files("compounds", [csv], report=tmp_path / "c.jsonl")
    assert (c.loaded, c.rejected) == (3, 0), c
    flagged = sorted((r["row"], r["column"]) for r in _report(c) if r["outcome"] == "flagged")
    assert flagged == [(3, "边界"), (4, "边界")]
    got = {r["name"]: r for r in places_graph.execute_query(
        "MATCH (c:Compound) OPTIONAL MATCH (c)-[:IN_GRID]->(g:Grid) RETURN c.name AS name, c.boundary AS b, "
        "c.placement AS placement, g.code AS grid, c.location AS loc", database_="neo4j").records}
    square = got["方形花园"]
    assert json.loads(square["b"])["type"] == "Polygon"
    assert (square["placement"], square["grid"]) == ("grid-point", GRID1[0])   # by the polygon's inner point
    assert 104.052 < square["loc"].x < 104.056 and 30.622 < square["loc"].y < 30.626
    assert (got["点状院落"]["b"], got["点状院落"]["grid"]) == (None, GRID2[0])   # a point feature: its location
    assert (got["WKT小区"]["grid"], json.loads(got["WKT小区"]["b"])["coordinates"][0][0]) == (GRID2[0],
                                                                                          [104.072, 30.622])
    assert got["坏边界小区"]["b"] is None and got["线状小区"]["b"] is None
    again = ingest_files("compounds", [gj], report=tmp_path / "g2.jsonl")
    assert (again.unchanged, again.loaded, again.updated) == (2, 0, 0)


def test_map_draws_compound_polygons() -> None:
    from api.map import compound_features

    rows = [{"uid": "c:1", "name": "方形花园", "type": "commodity",
             "boundary": json.dumps({"type": "Polygon", "coordinates": [SQUARE1]})},
            {"uid": "c:2", "name": "坏的", "type": None, "boundary": "{not json"}]
    fc = compound_features(rows)
    assert [f["properties"]["uid"] for f in fc["features"]] == ["c:1"]
    assert fc["features"][0]["geometry"]["type"] == "Polygon"
