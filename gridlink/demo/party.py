"""Party organizations (街道党工委 -> 社区党委 -> 网格党支部, unit branches, 联合党支部) and party members.

The area organizations come first so every parent precedes its children in the file. Unit organizations hang
under the community committee of their unit (两新组织 and 事业单位) or the street working committee (机关).
Micro firms marked 'joint' are grouped per community, 2-5 to a 联合党支部 (a joint branch covers at most 5 units).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from gridlink.demo import codes_gen as cg
from gridlink.demo.divisions import Community, Street
from gridlink.demo.names import person_name, phone
from gridlink.demo.world import Draw, OrgCore, World
from gridlink.demo.writers import Sink

if TYPE_CHECKING:
    from gridlink.demo.compounds import Compounds


PARTY_ORG_HEADER = ("党组织编号", "党组织名称", "组织类别", "上级党组织", "所在单位统一社会信用代码", "所在单位名称",
                    "党员人数", "党组织书记", "联系电话", "领导区域编码", "区划代码", "所在小区", "小区编码")
MEMBER_HEADER = ("身份证号", "姓名", "联系电话", "党员状态", "所属党组织", "报到社区编码", "网格编码", "报到日期",
                 "居住小区", "居住小区编码", "居住社区编码", "组织关系转出日期")
MEMBER_STATUS = (("正常", 85), ("流动", 7), ("口袋", 4), ("隐形", 4))
_ID_REGIONS = ("510107", "510104", "510105", "510106", "510108", "510116", "511102", "500103", "420106", "513401")
_BIRTH0 = date(1950, 1, 1)
NOTABLE_PER_COMMUNITY = 8


@dataclass
class PartyIndex:
    """What later files need from the party pass (small: ids and organization indices only)."""

    ids: list[str] = field(default_factory=list)  # every party organization id, in file order
    hosts: list[int] = field(default_factory=list)  # organizations with their own party organization
    notable: dict[str, list[int]] = field(default_factory=dict)  # community code -> a few of those hosts
    dirt: Counter[str] = field(default_factory=Counter)


def street_org_id(s: Street) -> str:
    """Id of the street's working committee."""
    return f"PS{s.code}"


def community_org_id(c: Community) -> str:
    """Id of the community's party committee."""
    return f"PC{c.code}"


def unit_org_id(i: int) -> str:
    """Id of organization ``i``'s own party organization."""
    return f"PU{i:07d}"


def write_party_orgs(w: World, sink: Sink, rng: random.Random) -> PartyIndex:
    """Write every party organization of the area; return the index later files use."""
    idx = PartyIndex()

    def emit(pid: str, name: str, cat: str, parent: str, host_uscc: str, host_name: str, members: int,
             leads: str, division: str) -> None:
        sink.write((pid, name, cat, parent, host_uscc, host_name, members, person_name(rng), phone(rng),
                    leads, division, "", ""))
        idx.ids.append(pid)

    for s in w.area.streets:
        office = w.org(w.street_offices[s.code])
        town = not s.name.endswith("街道")
        emit(street_org_id(s), f"中共成都市{s.district.name}{s.name}{'委员会' if town else '工作委员会'}",
             "党委" if town else "党工委", "", office.uscc, office.name, rng.randint(40, 160), s.code + "000",
             s.code + "000")
    for c in w.area.communities:
        emit(community_org_id(c), f"中共成都市{c.street.district.name}{c.street.name}{c.short}委员会", "党委",
             street_org_id(c.street), "", "", rng.randint(60, 400), c.code, c.code)
    for c in w.area.communities:
        for g in w.grids[c.code]:
            emit(f"PG{g.code}", f"中共{c.street.name}{g.name}支部委员会", "党支部", community_org_id(c), "", "",
                 rng.randint(5, 45), g.code, c.code)
    pending: dict[str, list[OrgCore]] = {}
    joint_seq: Counter[str] = Counter()
    for i in range(w.scale):
        core = w.org(i)
        if core.party == "own":
            cat = "党委" if core.staff >= 300 else "党总支" if core.staff >= 150 else "党支部"
            suffix = {"党委": "委员会", "党总支": "总支部委员会", "党支部": "支部委员会"}[cat]
            members = {"党委": rng.randint(101, 400), "党总支": rng.randint(51, 100)}.get(cat, rng.randint(3, 50))
            parent = (street_org_id(core.community.street) if core.org_type == "机关"
                      else community_org_id(core.community))
            host = core.uscc
            if rng.random() < 0.01:  # a host code typed with spaces: normalized by the ingest
                host, idx.dirt["spaces"] = cg.spaced(host), idx.dirt["spaces"] + 1
            emit(unit_org_id(i), f"中共{core.name}{suffix}", cat, parent, host, core.name, members, "",
                 core.community.code)
            idx.hosts.append(i)
            notable = idx.notable.setdefault(core.community.code, [])
            if len(notable) < NOTABLE_PER_COMMUNITY:
                notable.append(i)
        elif core.party == "joint":
            group = pending.setdefault(core.community.code, [])
            group.append(core)
            size = 2 + Draw(w.seed, "joint", core.community.code, joint_seq[core.community.code]).below(4)
            if len(group) >= size:
                _emit_joint(emit, group, joint_seq, rng)
                del pending[core.community.code]
    for group in pending.values():
        if len(group) >= 2:
            _emit_joint(emit, group, joint_seq, rng)
    return idx


def _emit_joint(emit: Callable[..., None], group: list[OrgCore], seq: Counter[str], rng: random.Random) -> None:
    c = group[0].community
    seq[c.code] += 1
    n = seq[c.code]
    emit(f"PJ{c.code}{n:02d}", f"中共成都市{c.street.district.name}{c.short}第{n}联合支部委员会",
         "联合党支部", community_org_id(c), "；".join(g.uscc for g in group), "；".join(g.name for g in group),
         rng.randint(3, 15), "", c.code)


def write_party_members(w: World, sink: Sink, rng: random.Random, party: PartyIndex, count: int,
                        cs: Compounds) -> Counter[str]:
    """Write ``count`` fake party members living in the area's compounds, plus four registered members of the
    planted ``model`` compound; returns the count per status word (流动/口袋/隐形 get counted)."""
    # imported here: compound_files imports the lists, and the lists import this module
    from gridlink.demo.compound_files import residence

    perm = cg.Permutation(f"{w.seed}:members", 20000 * 1000)  # (birth day, sequence) pairs: IDs never repeat
    statuses: Counter[str] = Counter()
    words = [s for s, _ in MEMBER_STATUS]
    weights = [n for _, n in MEMBER_STATUS]
    for m in range(count):
        day, seq = divmod(perm(m), 1000)
        status = rng.choices(words, weights)[0]
        region = _ID_REGIONS[0] if status == "正常" and rng.random() < 0.6 else rng.choice(_ID_REGIONS)
        birth = (_BIRTH0 + timedelta(days=day)).strftime("%Y%m%d")
        c = w.area.communities[rng.randrange(len(w.area.communities))]
        grid = rng.choice(w.grids[c.code]).code if status != "隐形" else ""
        reported = status == "正常" and rng.random() < 0.5
        on = (w.as_of - timedelta(days=2500 - rng.randrange(2300))).isoformat() if reported else ""
        # a pocket member's transfer letter was issued 7-17 months before the as-of date (docs/members.md); no rng
        # draw here, so the rest of the demo stays as it was
        out = (w.as_of - timedelta(days=210 + m % 300)).isoformat() if status == "口袋" else ""
        sink.write((cg.id_number(region, birth, f"{seq:03d}"), person_name(rng), phone(rng), status,
                    rng.choice(party.ids), c.code if reported else "", grid, on, *residence(cs, c.code, rng),
                    c.code, out))
        statuses[status] += 1
    model = cs.planted("model")
    for m in range(count, count + 4):
        day, seq = divmod(perm(m), 1000)
        birth = (_BIRTH0 + timedelta(days=day)).strftime("%Y%m%d")
        sink.write((cg.id_number(_ID_REGIONS[0], birth, f"{seq:03d}"), person_name(rng), phone(rng), "正常",
                    f"PC{model.grid.code}{model.name}", model.community.code, model.grid.code, w.as_of.isoformat(),
                    *model.ref, model.community.code, ""))
        statuses["正常"] += 1
    return statuses
