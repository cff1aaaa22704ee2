"""Ties between units and areas: co-construction agreements (共建协议) and memberships (兼职委员 on 社区大党委 /
街道大工委, regional party-building alliances covering grids, 双报到 of unit party organizations)."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

from gridlink.demo.party import PartyIndex
from gridlink.demo.world import World
from gridlink.demo.writers import Sink

AGREEMENT_HEADER = ("协议编号", "协议名称", "签约单位统一社会信用代码", "签约单位名称", "签约社区编码", "签订日期",
                    "有效期至")
MEMBERSHIP_HEADER = ("记录类型", "单位统一社会信用代码", "单位名称", "组织编号", "组织名称", "组织类型", "覆盖区域编码",
                     "职务", "报到社区编码", "日期")
def _when(w: World, rng: random.Random) -> date:
    """A day of the 2,000 before the demo's as-of date (some agreements still valid, some lapsed)."""
    return w.as_of - timedelta(days=2000 - rng.randrange(2000))


def _units(w: World, party: PartyIndex, code: str, rng: random.Random, k: int) -> list[int]:
    """Up to ``k`` units of the community with a party organization; any such unit when it has none."""
    local = party.notable.get(code)
    if local:
        return rng.sample(local, min(k, len(local)))
    return [party.hosts[rng.randrange(len(party.hosts))]]


def write_agreements(w: World, sink: Sink, rng: random.Random, party: PartyIndex, count: int) -> None:
    """Write ``count`` agreements between 1-3 units and a community (one in ten with the whole street)."""
    for a in range(count):
        c = w.area.communities[rng.randrange(len(w.area.communities))]
        units = [w.org(i) for i in _units(w, party, c.code, rng, rng.randint(1, 3))]
        street_level = rng.random() < 0.1
        area_code = c.street.code + "000" if street_level else c.code
        area_name = c.street.name if street_level else c.short
        signed = _when(w, rng)
        sink.write((f"XY{a + 1:07d}", f"{area_name}与{units[0].name}{'等单位' if len(units) > 1 else ''}结对共建协议",
                    "；".join(u.uscc for u in units), "；".join(u.name for u in units), area_code,
                    signed.isoformat(), (signed + timedelta(days=365 * rng.choice((1, 2, 3)))).isoformat()))


def write_memberships(w: World, sink: Sink, rng: random.Random, party: PartyIndex) -> Counter[str]:
    """Write committee members, alliance members and 双报到 rows; returns rows per record type."""
    counts: Counter[str] = Counter()

    def member(kind: str, i: int, aid: str, aname: str, akind: str, covers: str, role: str) -> None:
        core = w.org(i)
        sink.write((kind, core.uscc, core.name, aid, aname, akind, covers, role, "", _when(w, rng).isoformat()))
        counts[kind] += 1

    for c in w.area.communities:
        for i in _units(w, party, c.code, rng, rng.randint(2, 6)):
            member("兼职委员", i, f"AC{c.code}", f"{c.street.name}{c.short}大党委", "社区大党委", c.code, "兼职委员")
    for s in w.area.streets:
        communities = [c for c in w.area.communities if c.street == s]
        units = {u for c in communities for u in party.notable.get(c.code, [])[:1]}
        for i in sorted(units)[: rng.randint(3, 8)]:
            member("兼职委员", i, f"AS{s.code}", f"{s.name}大工委", "街道大工委", s.code + "000", "兼职委员")
        grids = [g.code for c in communities for g in w.grids[c.code]]
        covered = "；".join(rng.sample(grids, min(len(grids), rng.randint(3, 6))))
        pool = sorted({u for c in communities for u in party.notable.get(c.code, [])})
        for n, i in enumerate(rng.sample(pool, min(len(pool), rng.randint(5, 10)))):
            member("联盟成员", i, f"AR{s.code}", f"{s.name}区域化党建联盟", "区域化党建联盟", covered,
                   "主席单位" if n == 0 else "成员单位")
    for i in party.hosts:  # 双报到: most unit party organizations report to the community they sit in
        if rng.random() < 0.6:
            core = w.org(i)
            sink.write(("双报到", core.uscc, core.name, "", "", "", "", "", core.community.code,
                        _when(w, rng).isoformat()))
            counts["双报到"] += 1
    return counts
