"""The map's GeoJSON (api/map.py): simplified grids with indicators, community and street outlines dissolved."""

from __future__ import annotations

import json
from typing import Any

import pytest
from shapely.geometry import Polygon, shape

from api.map import GRID_TOLERANCE, build_map_data


def _wobbly_square(x0: float, y0: float, size: float = 0.002, n: int = 200) -> str:
    """A square whose edges carry ``n`` tiny wiggles (sub-metre), as digitised boundaries do."""
    pts = []
    for i in range(n):
        t = i / n
        wiggle = (GRID_TOLERANCE / 10) * (1 if i % 2 else -1)
        pts.append((x0 + size * t, y0 + wiggle))
    for i in range(n):
        t = i / n
        pts.append((x0 + size + wiggle, y0 + size * t))
    pts += [(x0 + size, y0 + size), (x0, y0 + size)]
    return json.dumps({"type": "Polygon", "coordinates": [[*pts, pts[0]]]})


def _row(uid: str, x0: float, community: str, units: int, covered: int, needs: int) -> dict[str, Any]:
    return {"uid": uid, "code": uid.split(":")[1], "name": f"{uid} 网格", "boundary": _wobbly_square(x0, 30.6),
            "communityCode": community, "communityName": f"{community} 社区", "streetCode": "510107001000",
            "streetName": "某街道", "units": units, "coveredUnits": covered, "openNeeds": needs}


def test_grids_are_simplified_and_carry_indicators() -> None:
    rows = [_row("LOCAL:1", 104.0, "c1", 4, 1, 2), _row("LOCAL:2", 104.002, "c1", 0, 0, 0),
            _row("LOCAL:3", 104.004, "c2", 2, 2, 5)]
    data = build_map_data(rows)
    grids = data["grids"]["features"]
    assert [g["properties"]["uid"] for g in grids] == ["LOCAL:1", "LOCAL:2", "LOCAL:3"]
    assert [g["properties"]["coverage"] for g in grids] == [0.25, None, 1.0]
    assert [g["properties"]["openNeeds"] for g in grids] == [2, 0, 5]
    original = len(json.loads(rows[0]["boundary"])["coordinates"][0])
    simplified = len(grids[0]["geometry"]["coordinates"][0])
    assert original > 400 and simplified <= 6  # the wiggles are below the tolerance: a square is left
    assert shape(grids[0]["geometry"]).symmetric_difference(Polygon([(104, 30.6), (104.002, 30.6), (104.002, 30.602),
                                                                      (104, 30.602)])).area < 1e-8


def test_outlines_are_the_union_of_their_grids() -> None:
    data = build_map_data([_row("LOCAL:1", 104.0, "c1", 1, 1, 0), _row("LOCAL:2", 104.002, "c1", 1, 0, 0),
                           _row("LOCAL:3", 104.004, "c2", 1, 0, 0)])
    communities = {f["properties"]["code"]: shape(f["geometry"]) for f in data["communities"]["features"]}
    assert set(communities) == {"c1", "c2"}
    assert communities["c1"].geom_type == "Polygon"  # two touching grids dissolve into one outline
    assert abs(communities["c1"].area - 2 * 0.002 * 0.002) < 1e-7
    streets = data["streets"]["features"]
    assert len(streets) == 1 and abs(shape(streets[0]["geometry"]).area - 3 * 0.002 * 0.002) < 1e-7


def test_grids_without_a_boundary_are_left_out() -> None:
    row = _row("LOCAL:1", 104.0, "c1", 1, 1, 0) | {"boundary": None}
    assert build_map_data([row])["grids"]["features"] == []


def test_browser_tests_skip_locally_but_fail_in_ci_without_chromium(monkeypatch: pytest.MonkeyPatch) -> None:
    import browser_helpers

    monkeypatch.setattr(browser_helpers.shutil, "which", lambda name: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="chromium"):
        browser_helpers.require_browser()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="in CI they must run"):
        browser_helpers.require_browser()
