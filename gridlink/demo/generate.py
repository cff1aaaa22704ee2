"""``generate()``: write a whole demo set (every kind, every format) and its ``manifest.json``.

Each file draws from its own ``random.Random(f"{seed}:{kind}")``, so the bytes of every file depend only on the
seed, the scale and the area. The manifest lists the files in load order (``ingest.KINDS``) with their kind,
format, encoding, row count, the defects planted in them and how many rows the ingest must reject.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from gridlink.demo import compound_extra, compound_files, indicator_plants, linkage, lists, party, registry, ties
from gridlink.demo.compounds import COMPOUND_HEADER, Compounds
from gridlink.demo.divisions import filtered_tables, select
from gridlink.demo.world import REJECTED_DIRTS, World
from gridlink.demo.writers import CsvSink, GeoJsonSink, JsonlSink, Sink, XlsxSink

GENERATOR_VERSION = 2  # 2: dates relative to the set's asOf (issue #13); sets of version 1 are regenerated
MANIFEST = "manifest.json"
BIG = 100_000  # from this scale on, big files are CSV (XLSX writing is ~20x slower)
GRID_HEADER = ("网格编码", "网格名称", "社区编码", "网格类型")
XLSX_TITLES = ("成都市{district}事业单位和机关法人登记信息",
               "数据来源：区委编办（演示数据，纯属虚构）    导出日期：{day}")

Progress = Callable[[str, int], None]


def sizes(w: World) -> dict[str, int]:
    """How many rows of the non-registry kinds a world gets (they scale with the number of organizations)."""
    c = len(w.area.communities)
    return {"party-members": max(200, w.scale // 2), "resources": max(2 * c, w.scale // 8),
            "needs": max(2 * c, w.scale // 10), "agreements": max(c // 2, w.scale // 40),
            "work-orders": max(1000, 5 * w.scale)}


def generate(out: Path, *, scale: int = 2000, district: str = "510107", seed: int = 1,
             progress: Progress | None = None, as_of: date | None = None) -> dict[str, Any]:
    """Write the demo set into ``out`` (created if needed) and return the manifest.

    Args:
        out: target folder.
        scale: number of registry organizations (enterprises + public units + social organizations).
        district: a Chengdu district code (6 digits), ``5101`` or ``all`` for the whole city.
        seed: the same seed (and scale, district, as-of date) gives byte-identical files.
        progress: called as ``progress(kind, rows)`` after each file.
        as_of: the set's "today" (default: today in Beijing); every date of the set is relative to it.

    Raises:
        InputError: unknown district.
        ValueError: a scale too small for the area.
    """
    area = select(district)
    w = World(seed, scale, area, as_of)
    n = sizes(w)
    out.mkdir(parents=True, exist_ok=True)
    files: list[dict[str, Any]] = []
    big = scale >= BIG
    district_label = area.districts[0].name if len(area.districts) == 1 else "全市"

    def done(kind: str, sinks: list[Sink], dirt: Counter[str] | None = None, **extra: Any) -> None:
        dirt = dirt or Counter()
        entry: dict[str, Any] = {
            "kind": kind, "paths": [s.path.relative_to(out).as_posix() for s in sinks], "format": sinks[0].format,
            "encoding": sinks[0].encoding, "rows": sum(s.rows for s in sinks), "dirty": dict(sorted(dirt.items())),
            "expectedRejected": sum(v for k, v in dirt.items() if k in REJECTED_DIRTS | {"unknown_grid"}), **extra}
        files.append(entry)
        if progress:
            progress(kind, entry["rows"])

    def rng(kind: str) -> random.Random:
        return random.Random(f"{seed}:{kind}")  # noqa: S311 - reproducible demo data, not secrets

    tables = filtered_tables(area)
    div_sinks: list[Sink] = []
    for table, lines in tables.items():
        path = out / "divisions" / f"chengdu-{table}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        sink = Sink(path, lines[0].split(","))
        sink.format, sink.rows = "csv", len(lines) - 1
        div_sinks.append(sink)
    done("divisions", div_sinks)

    with GeoJsonSink(out / "grids.geojson", GRID_HEADER) as gs:
        for c in area.communities:
            for g in w.grids[c.code]:
                gs.write((g.code, g.name, c.code, "LOCAL"), {"type": "Polygon", "coordinates": [g.box.ring()]})
    done("grids", [gs])

    with CsvSink(out / "enterprises.csv", registry.ENTERPRISE_HEADER, "gb18030") as es:
        dirt = registry.write_enterprises(w, es, rng("enterprises"))
    done("enterprises", [es], dirt)

    if big:
        ps: Sink = CsvSink(out / "public-units.csv", registry.PUBLIC_UNIT_HEADER)
    else:
        ps = XlsxSink(out / "public-units.xlsx", registry.PUBLIC_UNIT_HEADER,
                      [t.format(district=district_label, day=w.as_of.isoformat()) for t in XLSX_TITLES])
    with ps:
        dirt = registry.write_public_units(w, ps, rng("public-units"))
    done("public-units", [ps], dirt, **({} if big else {"titleRows": len(XLSX_TITLES)}))

    with CsvSink(out / "social-orgs.csv", registry.SOCIAL_ORG_HEADER, "utf-8-sig") as ss:
        dirt = registry.write_social_orgs(w, ss, rng("social-orgs"))
    done("social-orgs", [ss], dirt)

    cs = Compounds(w)
    with CsvSink(out / "compounds.csv", COMPOUND_HEADER) as cf:
        managed = compound_files.write_compounds(cs, cf)
    done("compounds", [cf], None, managed=managed, planted={t: cs.planted(t).name for t in ("dispute", "model",
                                                                                           "courtyard")})

    with CsvSink(out / "property-contracts.csv", compound_extra.CONTRACT_HEADER) as pc:
        compound_extra.write_contracts(cs, pc, rng("property-contracts"))
    done("property-contracts", [pc])

    with JsonlSink(out / "party-orgs.jsonl", party.PARTY_ORG_HEADER) as po:
        pidx = party.write_party_orgs(w, po, rng("party-orgs"))
        branches = compound_files.branch_rows(cs, rng("compound-branches"))
        for row in branches:
            po.write(row)
    with JsonlSink(out / "party-orgs-enlarged.jsonl", linkage.ENLARGED_HEADER) as pe:  # 大工委/大党委 (issue #13)
        linkage.write_enlarged(w, pe)
    done("party-orgs", [po, pe], pidx.dirt, compoundBranches=len(branches), enlargedCommittees=pe.rows)
    plan = linkage.plan(w)

    with CsvSink(out / "owner-committees.csv", compound_files.COMMITTEE_HEADER) as oc:
        compound_files.write_committees(cs, oc, rng("owner-committees"))
    done("owner-committees", [oc])

    with CsvSink(out / "resources.csv", lists.RESOURCE_HEADER) as rs:
        res = lists.write_resources(w, rs, rng("resources"), pidx, n["resources"])
    done("resources", [rs], res.dirt)

    with CsvSink(out / "needs.csv", lists.NEED_HEADER) as ns, CsvSink(out / "projects.csv",
                                                                       lists.PROJECT_HEADER) as pj:
        statuses = lists.write_needs_and_projects(w, ns, pj, rng("needs"), pidx, res, n["needs"], cs)
        statuses += indicator_plants.write_needs(w, ns, res)
    done("needs", [ns], None, byStatus=dict(sorted(statuses.items())))
    done("projects", [pj])

    with CsvSink(out / "agreements.csv", ties.AGREEMENT_HEADER) as ag, \
            CsvSink(out / "agreements-joint.csv", compound_extra.JOINT_HEADER) as aj:
        ties.write_agreements(w, ag, rng("agreements"), pidx, n["agreements"])
        linkage.write_lapsed_agreement(w, ag, plan)
        joint = compound_extra.write_joint_agreements(cs, aj)
    done("agreements", [ag, aj], None, jointMechanisms=joint)

    with CsvSink(out / "memberships.csv", ties.MEMBERSHIP_HEADER) as ms:
        types = ties.write_memberships(w, ms, rng("memberships"), pidx)
    done("memberships", [ms], None, byType=dict(sorted(types.items())))

    with CsvSink(out / "committee-members.csv", linkage.MEMBER_HEADER) as cm:
        linkage.write_members(w, cm, rng("committee-members"), pidx, plan)
    done("committee-members", [cm], None, planted=plan.manifest(w))
    with CsvSink(out / "responsibilities.csv", linkage.RESPONSIBILITY_HEADER) as rp:
        linkage.write_responsibilities(w, rp, rng("responsibilities"), plan)
    done("responsibilities", [rp])

    with CsvSink(out / "party-members.csv", party.MEMBER_HEADER) as pm:
        member_status = party.write_party_members(w, pm, rng("party-members"), pidx, n["party-members"], cs)
        member_status += indicator_plants.write_ageing_members(w, pm, cs, pidx)
        for row in compound_extra.dispute_residents(cs, pidx.ids, rng("dispute-residents")):
            pm.write(row)
            member_status[row[3]] += 1  # the label column: the planted residents count like every member
    done("party-members", [pm], None, byStatus=dict(sorted(member_status.items())))

    with CsvSink(out / "work-orders.csv", compound_files.WORK_ORDER_HEADER, "gb18030") as wo:
        categories = compound_files.write_work_orders(cs, wo, rng("work-orders"), n["work-orders"])
    done("work-orders", [wo], None, byCategory=dict(sorted(categories.items())))

    manifest = {
        "generator": "gridlink demo", "version": GENERATOR_VERSION, "seed": seed, "scale": scale,
        "district": area.label, "districts": [d.code for d in area.districts], "streets": len(area.streets),
        "communities": len(area.communities), "grids": sum(len(g) for g in w.grids.values()),
        "organizations": {"public-units": w.n_public, "enterprises": w.n_enterprise, "social-orgs": w.n_social},
        "partyOrganizations": len(pidx.ids), "compounds": sum(1 for _ in cs.all()), "asOf": w.as_of.isoformat(),
        "ageingCommunity": getattr(indicator_plants.ageing_community(area), "code", None), "files": files,
    }
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return manifest
