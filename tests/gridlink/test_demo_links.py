"""Cross-file references of a generated demo set: party hierarchy, hosts, providers, projects, members."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from demo_files import entry, read_rows

from gridlink.demo.generate import generate
from ingest.codes import check_uscc

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("links")
    return out, generate(out, scale=1200, district="510107", seed=11)


def _rows(demo: tuple[Path, dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return read_rows(demo[0], entry(demo[1], kind))


def _valid_codes(demo: tuple[Path, dict[str, Any]]) -> set[str]:
    """Codes of organization rows the ingest loads under that exact code (valid as written, not rejected)."""
    names = {"enterprises": "企业名称", "public-units": "单位名称", "social-orgs": "社会组织名称"}
    return {str(r["统一社会信用代码"]) for kind, name in names.items() for r in _rows(demo, kind)
            if " " not in str(r["统一社会信用代码"]) and check_uscc(str(r["统一社会信用代码"])).valid
            and r[name] and not str(r["区划代码"]).endswith("998")}


def test_party_hierarchy_street_community_grid(demo: tuple[Path, dict[str, Any]]) -> None:
    orgs = _rows(demo, "party-orgs")
    grids = {r["网格编码"] for r in _rows(demo, "grids")}
    seen: dict[str, dict[str, Any]] = {}
    for row in orgs:
        parent = row.get("上级党组织")
        if parent:
            assert parent in seen, f"{row['党组织编号']}: parent {parent} must come first"
        seen[row["党组织编号"]] = row
    by_cat = Counter(r["组织类别"] for r in orgs)
    assert by_cat["党工委"] == 15 and by_cat["联合党支部"] > 0
    grid_branches = [r for r in orgs if r.get("领导区域编码") in grids]
    assert {r["领导区域编码"] for r in grid_branches} == grids  # every grid has its 网格党支部
    for branch in grid_branches:
        community = seen[branch["上级党组织"]]
        street = seen[community["上级党组织"]]
        assert community["组织类别"] == "党委" and community["领导区域编码"] == branch["领导区域编码"][:12]
        assert street["组织类别"] == "党工委" and street["领导区域编码"] == branch["领导区域编码"][:9] + "000"


def test_hosts_and_providers_are_loaded_organizations(demo: tuple[Path, dict[str, Any]]) -> None:
    codes = _valid_codes(demo)
    hosts = [c.replace(" ", "") for r in _rows(demo, "party-orgs") if r.get("所在单位统一社会信用代码")
             for c in r["所在单位统一社会信用代码"].split("；")]
    assert hosts and set(hosts) <= codes
    for r in _rows(demo, "party-orgs"):
        if r["组织类别"] == "联合党支部":
            assert 2 <= len(r["所在单位统一社会信用代码"].split("；")) <= 5
    resources = _rows(demo, "resources")
    assert {r["提供单位统一社会信用代码"] for r in resources} <= codes
    resource_ids = {r["资源编号"] for r in resources}
    need_ids = {r["需求编号"] for r in _rows(demo, "needs")}
    projects = _rows(demo, "projects")
    assert projects and all(p["需求编号"] in need_ids for p in projects)
    assert all(p["资源编号"] in resource_ids for p in projects if p["资源编号"])
    for m in _rows(demo, "memberships"):
        assert m["单位统一社会信用代码"] in codes
    assert {m["记录类型"] for m in _rows(demo, "memberships")} == {"兼职委员", "联盟成员", "双报到"}
    # two coverages: many operating enterprises have no party organization of their own or joint
    covered = set(hosts)
    firms = [r for r in _rows(demo, "enterprises") if r["统一社会信用代码"] in codes]
    assert 0.1 < sum(r["统一社会信用代码"] in covered for r in firms) / len(firms) < 0.6


def test_party_member_ids_have_valid_checksums_and_statuses(demo: tuple[Path, dict[str, Any]]) -> None:
    members = _rows(demo, "party-members")
    party_ids = {r["党组织编号"] for r in _rows(demo, "party-orgs")}
    ids = [m["身份证号"] for m in members]
    assert len(set(ids)) == len(ids) == entry(demo[1], "party-members")["rows"]
    for n in ids:
        total = sum(int(ch) * w for ch, w in zip(n[:17], ID_WEIGHTS, strict=True))
        assert len(n) == 18 and n[17] == "10X98765432"[total % 11], n
    statuses = Counter(m["党员状态"] for m in members)
    assert dict(statuses) == entry(demo[1], "party-members")["byStatus"]
    assert {"流动", "口袋", "隐形"} <= set(statuses) and statuses["正常"] > len(members) / 2
    assert all(m["所属党组织"] in party_ids for m in members)
