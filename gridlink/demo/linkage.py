"""Three-level linkage of the demo set (三级联动, issue #13): enlarged committees, part-time members, 包联 departments.

Every street's working committee and every community's committee is enlarged (``party-orgs-enlarged.jsonl``: a
街道大工委 / 社区大党委 row naming its base committee), with two to five part-time members (兼职委员) from resident
units that have their own party organization (``committee-members.csv``). The street office's departments answer
for the communities in turn, one row per community, and 综治中心 also for some first grids
(``responsibilities.csv``). Planted, in the first street (:class:`Plan`; docs/linkage.md):

- ``no_department``: a community no department answers for (NO_RESPONSIBLE_DEPARTMENT);
- ``empty_committee``: a community whose 大党委 has no part-time member (NO_PART_TIME_MEMBERS);
- ``nominal``: a unit of a 联合党支部 sits on the first community's 大党委; its only tie, an agreement, lapsed 13
  months before the demo set's as-of date (PART_TIME_MEMBER_INACTIVE, 挂名).

Other members may be 挂名 by chance (their activity comes from the random lists): tests compute the expected
gaps from the files themselves.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from gridlink.demo.divisions import Community, Street
from gridlink.demo.names import person_name
from gridlink.demo.party import PartyIndex, community_org_id, street_org_id
from gridlink.demo.world import World
from gridlink.demo.writers import Sink

ENLARGED_HEADER = ("党组织编号", "党组织名称", "组织类别", "扩大的党组织", "区划代码")
MEMBER_HEADER = ("大党委编号", "大党委名称", "单位统一社会信用代码", "单位名称", "委员职务", "任职日期", "姓名")
RESPONSIBILITY_HEADER = ("职能部门", "包联社区编码", "街道编码", "街道办事处统一社会信用代码", "街道办事处",
                         "负责人职务", "负责人姓名", "包联日期")
#: the departments of every street office, in the order they take communities (graph/vocab.py DEPARTMENT_TYPES)
DEPARTMENTS = ("党建办", "社区发展治理办", "综治中心", "民政和社会保障办", "城市管理办")
LAPSED_AGREEMENT = "XYL0000001"


def street_committee_id(s: Street) -> str:
    """Id of the street's 大工委."""
    return f"ES{s.code}"


def community_committee_id(c: Community) -> str:
    """Id of the community's 大党委."""
    return f"EC{c.code}"


@dataclass(frozen=True)
class Plan:
    """The planted linkage gaps (community codes, the 挂名 unit's organization index)."""

    no_department: str
    empty_committee: str
    nominal_community: str
    nominal_unit: int | None

    def manifest(self, w: World) -> dict[str, str | None]:
        """What the manifest says was planted."""
        unit = w.org(self.nominal_unit) if self.nominal_unit is not None else None
        return {"noDepartment": self.no_department, "emptyCommittee": self.empty_committee,
                "nominalCommunity": self.nominal_community, "nominalUnit": unit.uscc if unit else None}


def plan(w: World) -> Plan:
    """Choose the planted gaps: communities 2, 3 and 1 of the first street (wrapping in a small street) and the
    first 联合党支部 unit of community 1 (none when it has no such unit)."""
    first = [c for c in w.area.communities if c.street == w.area.streets[0]]
    nominal = first[0]
    unit = next((i for i in range(w.scale) if (core := w.org(i)).party == "joint"
                 and core.community.code == nominal.code), None)
    return Plan(first[1 % len(first)].code, first[2 % len(first)].code, nominal.code, unit)


def write_enlarged(w: World, sink: Sink) -> None:
    """One 大工委 per street and one 大党委 per community, each naming the base committee it enlarges."""
    for s in w.area.streets:
        sink.write((street_committee_id(s), f"{s.name}大工委", "大工委", street_org_id(s), s.code + "000"))
    for c in w.area.communities:
        sink.write((community_committee_id(c), f"{c.street.name}{c.short}大党委", "大党委", community_org_id(c),
                    c.code))


def write_members(w: World, sink: Sink, rng: random.Random, party: PartyIndex, p: Plan) -> None:
    """Two to five part-time members per enlarged committee from units with their own party organization (the
    planted empty one gets none; the planted 挂名 unit joins the first community's 大党委)."""
    # a street without any such unit leaves its committees empty: the chain reports NO_PART_TIME_MEMBERS

    def member(cid: str, cname: str, i: int, deputy: bool) -> None:
        core = w.org(i)
        since = w.as_of - timedelta(days=rng.randrange(60, 1500))
        sink.write((cid, cname, core.uscc, core.name, "兼职副书记" if deputy else "兼职委员", since.isoformat(),
                    person_name(rng)))  # the name column is never read by the ingest

    for s in w.area.streets:
        pool = sorted({u for c in w.area.communities if c.street == s for u in party.notable.get(c.code, [])[:2]})
        for n, i in enumerate(rng.sample(pool, min(len(pool), rng.randint(2, 5)))):
            member(street_committee_id(s), f"{s.name}大工委", i, n == 0)
    for c in w.area.communities:
        if c.code == p.empty_committee:
            continue
        # the community's own units, else (a small demo set) units elsewhere in the street
        local = party.notable.get(c.code) or sorted(
            {u for o in w.area.communities if o.street == c.street for u in party.notable.get(o.code, [])})
        for n, i in enumerate(rng.sample(local, min(len(local), rng.randint(2, 5)))):
            member(community_committee_id(c), f"{c.street.name}{c.short}大党委", i, n == 0)
        if c.code == p.nominal_community and p.nominal_unit is not None:
            member(community_committee_id(c), f"{c.street.name}{c.short}大党委", p.nominal_unit, False)


def write_lapsed_agreement(w: World, sink: Sink, p: Plan) -> None:
    """The planted 挂名 unit's only tie: an agreement signed three years and ended 13 months before the as-of date
    (an agreements row, AGREEMENT_HEADER)."""

    if p.nominal_unit is None:
        return
    core = w.org(p.nominal_unit)
    signed, ended = w.as_of - timedelta(days=3 * 365), w.as_of - timedelta(days=395)
    sink.write((LAPSED_AGREEMENT, f"{core.community.short}与{core.name}结对共建协议", core.uscc, core.name,
                core.community.code, signed.isoformat(), ended.isoformat()))


def write_responsibilities(w: World, sink: Sink, rng: random.Random, p: Plan) -> None:
    """Each community of a street is taken by the next department (the head answers for it); 综治中心 also sends a
    包联干部 to the first grid of every third community. The planted community gets no row at all."""

    for s in w.area.streets:
        office = w.org(w.street_offices[s.code])
        heads = {d: person_name(rng) for d in DEPARTMENTS}
        communities = [c for c in w.area.communities if c.street == s and c.code != p.no_department]
        for n, c in enumerate(communities):
            dept = DEPARTMENTS[n % len(DEPARTMENTS)]
            since = date(w.as_of.year - 1, 1, 1) + timedelta(days=rng.randrange(365))
            sink.write((dept, c.code, s.code, office.uscc, office.name, "主任", heads[dept], since.isoformat()))
            if n % 3 == 0 and w.grids[c.code]:
                sink.write(("综治中心", w.grids[c.code][0].code, "", office.uscc, office.name, "包联干部",
                            person_name(rng), since.isoformat()))
