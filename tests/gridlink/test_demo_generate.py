"""The demo generator without a database: determinism, codes, planted defects, manifest counts, geometry."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from demo_files import entry, read_rows
from shapely.geometry import box, shape
from shapely.ops import unary_union

from gridlink.demo.divisions import city, select
from gridlink.demo.generate import MANIFEST, generate
from gridlink.demo.geometry import community_box
from ingest.codes import check_uscc, uscc_check_char

SCALE = 1500
CODE_COL = "统一社会信用代码"
NAME_COL = {"enterprises": "企业名称", "public-units": "单位名称", "social-orgs": "社会组织名称"}
PREFIXES = {"enterprises": {"91"}, "public-units": {"11", "12"}, "social-orgs": {"51", "52", "53"}}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("demo")
    return out, generate(out, scale=SCALE, district="510107", seed=7)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_gives_identical_bytes_and_another_seed_differs(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    day = date(2026, 6, 30)  # the set's as-of date is part of its identity (its dates count back from it)
    generate(a, scale=400, seed=3, as_of=day)
    generate(b, scale=400, seed=3, as_of=day)
    generate(c, scale=400, seed=4, as_of=day)
    files_a, files_b, files_c = _files(a), _files(b), _files(c)
    manifest = json.loads(files_a["manifest.json"])
    assert len(files_a) == sum(len(f["paths"]) for f in manifest["files"]) + 1  # every file the manifest lists
    assert files_a == files_b
    changed = {name for name in files_a if files_a[name] != files_c[name]}
    assert {"enterprises.csv", "public-units.xlsx", "party-orgs.jsonl", "party-members.csv"} <= changed
    assert "divisions/chengdu-villages.csv" not in changed  # real data, not random
    later = tmp_path / "later"
    generate(later, scale=400, seed=3, as_of=day + timedelta(days=100))
    moved = _files(later)
    assert json.loads(moved["manifest.json"])["asOf"] == "2026-10-08"
    # the same rows, 100 days later: every need published 100 days later than in a
    needs = [list(csv.reader(io.StringIO(f["needs.csv"].decode("utf-8")))) for f in (files_a, moved)]
    assert [date.fromisoformat(r[4]) - date.fromisoformat(s[4]) for r, s in zip(needs[1][1:], needs[0][1:],
                                                                               strict=True)] == [
        timedelta(days=100)] * (len(needs[0]) - 1)


def test_manifest_counts_equal_the_rows_in_the_files(demo: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = demo
    kinds = [f["kind"] for f in manifest["files"]]
    from ingest import KINDS

    assert kinds == list(KINDS)  # load order
    formats = {f["kind"]: (f["format"], f["encoding"]) for f in manifest["files"]}
    assert formats["enterprises"] == ("csv", "gb18030")
    assert formats["public-units"][0] == "xlsx" and entry(manifest, "public-units")["titleRows"] == 2
    assert formats["social-orgs"] == ("csv", "utf-8-sig")
    assert formats["party-orgs"][0] == "jsonl" and formats["grids"][0] == "geojson"
    for f in manifest["files"]:
        assert len(read_rows(out, f)) == f["rows"], f["kind"]
    orgs = manifest["organizations"]
    assert sum(orgs.values()) == SCALE
    twins = sum(entry(manifest, k)["dirty"].get("duplicate", 0) for k in orgs)
    assert sum(entry(manifest, k)["rows"] for k in orgs) == SCALE + twins
    assert (out / MANIFEST).is_file()


def _defect(row: dict[str, Any], kind: str, divisions: set[str]) -> str:
    """Classify a registry row by what is visibly wrong with it ('' = clean)."""
    code = str(row[CODE_COL])
    if not row[NAME_COL[kind]]:
        return "missing_name"
    if row["区划代码"] and str(row["区划代码"]) not in divisions:
        return "unknown_division"
    if not code:
        return "duplicate"
    if re.fullmatch(r"\d\.\d+E\+17", code):
        return "excel"
    if re.search(r"[０-９Ａ-Ｚ]", code):
        return "fullwidth"
    if " " in code:
        return "spaces"
    check = check_uscc(code)
    if not check.valid and code[8:11] == "M00" and check.issue == \
            f"GB 32100 check character should be {uscc_check_char(code[:17])}":
        return "pilot"  # 18 characters, organization code right, only the mod-31 character wrong
    if not check.valid:
        return "bad_check"
    if not row["区划代码"] and not row["经度"]:
        return "address_only"
    return ""


def test_clean_codes_pass_the_check_and_defects_match_the_manifest(demo: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = demo
    divisions = {r["code"] for r in read_rows(out, entry(manifest, "divisions")) if len(r["code"]) == 12}
    total = dirty = 0
    for kind in ("enterprises", "public-units", "social-orgs"):
        f = entry(manifest, kind)
        found: Counter[str] = Counter()
        for row in read_rows(out, f):
            defect = _defect(row, kind, divisions)
            found[defect] += 1
            if not defect:
                code = str(row[CODE_COL])
                assert check_uscc(code).valid and code[:2] in PREFIXES[kind], (kind, code)
                assert code[2:6] == "5101", code  # registered by a Chengdu authority
                assert row["区划代码"] in divisions
        planted = Counter(f["dirty"])
        del found[""]
        assert found == planted, kind
        total += f["rows"]
        dirty += sum(planted.values())
    assert 0.01 <= dirty / total <= 0.04  # ~2% dirty rows
    assert sum(entry(manifest, k)["dirty"].get("unknown_division", 0) for k in NAME_COL) > 0


def test_names_and_codes_of_clean_organizations_are_unique(demo: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = demo
    names: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    for kind, col in NAME_COL.items():
        for row in read_rows(out, entry(manifest, kind)):
            if row[col] and row[CODE_COL] and check_uscc(str(row[CODE_COL])).valid:
                names[row[col]] += 1
                codes[row[CODE_COL]] += 1
    assert names.most_common(1)[0][1] == 1 and codes.most_common(1)[0][1] == 1


def test_grids_are_valid_polygons_that_tile_their_community_cell(demo: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = demo
    communities = {c.code: c for c in select("510107").communities}
    by_community: dict[str, list[Any]] = {}
    for row in read_rows(out, entry(manifest, "grids")):
        poly = shape(row["_geometry"])
        assert poly.is_valid and poly.area > 0
        code, community = row["网格编码"], row["社区编码"]
        assert re.fullmatch(r"\d{15}", code) and code[:12] == community
        cell = community_box(communities[community])
        assert poly.within(box(cell.west, cell.south, cell.east, cell.north)), code
        assert 103.9 <= poly.bounds[0] and poly.bounds[2] <= 104.2 and 30.55 <= poly.bounds[1] <= 30.75
        by_community.setdefault(community, []).append(poly)
    assert set(by_community) == set(communities)
    for code, polys in by_community.items():
        cell = community_box(communities[code])
        assert 2 <= len(polys) <= 6
        assert sum(p.area for p in polys) == pytest.approx(unary_union(polys).area)  # no overlaps
        assert unary_union(polys).area == pytest.approx((cell.east - cell.west) * (cell.north - cell.south))


def test_points_lie_in_the_grid_the_row_names(demo: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = demo
    grids = {r["网格编码"]: shape(r["_geometry"]) for r in read_rows(out, entry(manifest, "grids"))}
    from shapely.geometry import Point

    checked = 0
    for kind in ("enterprises", "social-orgs", "resources"):
        for row in read_rows(out, entry(manifest, kind)):
            if row["经度"] and row["网格编码"] in grids:
                assert grids[row["网格编码"]].contains(Point(float(row["经度"]), float(row["纬度"])))
                checked += 1
    assert checked > SCALE // 2


def test_whole_city_area_and_unknown_district() -> None:
    assert len(select("all").communities) == len(city()) == 3047
    assert select("5101").communities == select("all").communities
    from ingest.errors import InputError

    with pytest.raises(InputError, match="not a Chengdu district"):
        select("110105")


def test_pilot_codes_fail_only_the_mod_31_check() -> None:
    from gridlink.demo.codes_gen import pilot_code
    from ingest.codes import org_code_check_char

    codes = {pilot_code("510107", n) for n in (0, 1, 30, 31, 999, 28_000_000)}
    assert len(codes) == 6
    for code in codes:
        check = check_uscc(code)
        assert len(code) == 18 and check.usable and not check.valid, code
        assert org_code_check_char(code[8:16]) == code[16], "the GB 11714 organization code is right"
        assert check.issue == f"GB 32100 check character should be {uscc_check_char(code[:17])}", code
    # the domain brief's Fujian example has the same shape and verdict
    fujian = check_uscc("91350100M0001TGQXM")
    assert fujian.usable and fujian.issue is not None and fujian.issue.startswith("GB 32100")
