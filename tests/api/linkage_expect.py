"""The linkage gaps of a demo set computed from its files alone (docs/linkage.md), independently of the graph and
of the named query: tests compare ``partyChain`` with this.

Only what the ingest would load counts: resources with a grid code that is not in grids.geojson are rejected by
the ingest, so they are left out here too; everything else of these files loads (tests/gridlink checks it).
"""

from __future__ import annotations

import csv
import json
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

#: the gaps the linkage adds (issue #13 part 2)
LINKAGE_GAPS = ("NO_ENLARGED_COMMITTEE", "NO_PART_TIME_MEMBERS", "NO_RESPONSIBLE_DEPARTMENT",
                "PART_TIME_MEMBER_INACTIVE")


def _csv(folder: Path, name: str) -> list[dict[str, str]]:
    path = folder / name
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("utf-8", errors="strict")
    return list(csv.DictReader(text.splitlines()))


def _jsonl(folder: Path, name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (folder / name).read_text(encoding="utf-8").splitlines() if line]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _rows(folder: Path, kind: str) -> list[dict[str, str]]:
    """Every CSV row of a kind, over all the files the manifest lists for it."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    paths = next(f["paths"] for f in manifest["files"] if f["kind"] == kind)
    return [r for p in paths for r in _csv(folder, p)]


def _name(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def expected_gaps(folder: Path, as_of: date) -> set[tuple[str, str, str | None]]:
    """``(area code, problem, unit credit code or None)`` of every linkage gap of the demo set in ``folder``."""
    try:
        since = as_of.replace(year=as_of.year - 1)  # 12 months back, as Cypher's duration({months: 12})
    except ValueError:  # 29 February
        since = as_of.replace(year=as_of.year - 1, day=28)
    grids = {f["properties"]["网格编码"]: f["properties"]["社区编码"]
             for f in json.loads((folder / "grids.geojson").read_text(encoding="utf-8"))["features"]}
    base = {r["党组织编号"]: r["领导区域编码"] for r in _jsonl(folder, "party-orgs.jsonl") if r.get("领导区域编码")}
    enlarged = {r["党组织编号"]: base[r["扩大的党组织"]] for r in _jsonl(folder, "party-orgs-enlarged.jsonl")}
    members: dict[str, list[str]] = {area: [] for area in enlarged.values()}
    names: dict[str, str] = {}  # credit code -> normalized name of the member units
    for r in _csv(folder, "committee-members.csv"):
        members[enlarged[r["大党委编号"]]].append(r["单位统一社会信用代码"])
        names[r["单位统一社会信用代码"]] = _name(r["单位名称"])
    covered = {grids.get(r["包联社区编码"], r["包联社区编码"]) for r in _csv(folder, "responsibilities.csv")}

    def within(d: date | None) -> bool:
        return d is not None and since <= d <= as_of

    active: set[str] = set()
    resources: dict[str, str] = {}
    for r in _rows(folder, "resources"):
        if r["网格编码"] and r["网格编码"] not in grids:
            continue  # rejected by the ingest
        resources[r["资源编号"]] = r["提供单位统一社会信用代码"]
        start, end = _day(r["可用开始日期"]), _day(r["可用结束日期"])
        if (start or as_of) <= as_of and (end or since) >= since:
            active.add(r["提供单位统一社会信用代码"])
    for r in _rows(folder, "projects"):
        if any(within(_day(r[k])) for k in ("开始日期", "交付日期", "验收日期")):
            active.add(r["牵头单位统一社会信用代码"])
            active.add(resources.get(r["资源编号"], ""))
    for r in _rows(folder, "agreements"):  # the joint (三方联动) agreements name their units by name only
        signed, valid = _day(r["签订日期"]), _day(r["有效期至"])
        if signed and signed <= as_of and (valid or signed) >= since:
            for key in ("签约单位统一社会信用代码", "签约单位名称"):
                active.update(v if key.endswith("代码") else _name(v)
                              for v in (r.get(key) or "").replace("；", ";").split(";") if v)

    communities = {r["code"] for r in _csv(folder / "divisions", "chengdu-villages.csv")}
    gaps: set[tuple[str, str, str | None]] = set()
    for area in set(base.values()) - set(grids):  # streets (code + 000) and communities with a committee
        if area not in enlarged.values():
            gaps.add((area, "NO_ENLARGED_COMMITTEE", None))
        elif not members[area]:
            gaps.add((area, "NO_PART_TIME_MEMBERS", None))
        gaps |= {(area, "PART_TIME_MEMBER_INACTIVE", u) for u in members.get(area, [])
                 if u not in active and names[u] not in active}
    for community in communities:
        if community not in covered:
            gaps.add((community, "NO_RESPONSIBLE_DEPARTMENT", None))
    return gaps
