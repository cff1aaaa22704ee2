"""Below the grid, second part (issue #12): the 物业项目/合同备案 file, the 三方联动 joint-mechanism agreements and the
planted ``dispute`` compound's hidden residents.

Kept apart from :mod:`gridlink.demo.compound_files` (the compounds, committees and work orders) so each module stays
small. Every row is a pure function of the compounds and a seeded random stream, like the rest of the demo.

- contracts: one per compound with a property company (合同备案编号 ``HT`` + grid code + position), a three-year
  period around the as-of date, staff and how many of them are party members (交叉任职: the ``model`` compound has
  2, the ``dispute`` compound none);
- joint mechanisms: a 三方联动协议 for every compound that has its own 党支部, an owners' committee and a company —
  the ``model`` compound among them — signed by the three (by name);
- hidden residents of ``dispute``: :data:`DISPUTE_HIDDEN` members living there whose relation is with a grid branch
  of another community and who have not checked in (the derived status is hidden; their label says 正常).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta

from gridlink.demo import codes_gen as cg
from gridlink.demo.compounds import Compound, Compounds
from gridlink.demo.names import person_name, phone
from gridlink.demo.writers import Sink

CONTRACT_HEADER = ("合同备案编号", "项目名称", "物业服务企业", "物业企业统一社会信用代码", "小区名称", "小区编码",
                   "所属社区", "合同开始日期", "合同结束日期", "物业服务方式", "项目人员数", "项目党员人数")
JOINT_HEADER = ("协议编号", "协议名称", "协议类型", "签约单位名称", "签约社区编码", "所涉小区", "小区编码", "签订日期",
                "有效期至")
#: hidden (derived) residents planted in the ``dispute`` compound
DISPUTE_HIDDEN = 5
#: a region code no other demo member uses: the planted residents' ID numbers cannot collide with theirs
_HIDDEN_REGION = "510122"


def _contract_no(k: Compound) -> str:
    return f"HT{k.grid.code}{k.name}"


def write_contracts(cs: Compounds, sink: Sink, rng: random.Random) -> int:
    """One 物业项目/合同备案 row per compound with a property company; returns the number of rows."""
    n = 0
    for k in cs.all():
        if k.company is None:
            continue
        start = cs.w.as_of - timedelta(days=rng.randrange(60, 900))
        staff = max(3, k.households // 80)
        party = {"model": 2, "dispute": 0}.get(k.planted, rng.choices((0, 1, 2), (60, 30, 10))[0])
        sink.write((_contract_no(k), f"{k.name}物业服务项目", k.company.name, k.company.uscc, k.name, k.code,
                    k.community.code, start.isoformat(), (start + timedelta(days=3 * 365)).isoformat(), k.mode,
                    staff, party))
        n += 1
    return n


def joint_mechanism(k: Compound) -> bool:
    """Whether the compound has the three parties a 三方联动协议 joins (its own 党支部, a committee, a company)."""
    return k.branch == "党支部" and k.committee and k.company is not None


def write_joint_agreements(cs: Compounds, sink: Sink) -> int:
    """A 三方联动协议 for every compound with the three parties; returns how many."""
    n = 0
    for k in cs.all():
        if not joint_mechanism(k):
            continue
        assert k.company is not None
        signers = (f"中共{k.community.street.name}{k.name}支部委员会", f"{k.name}业主委员会", k.company.name)
        signed = cs.w.as_of - timedelta(days=90)
        sink.write((f"SF{k.grid.code}{k.name}", f"{k.name}党组织、业委会、物业三方联动协议", "三方联动协议",
                    "；".join(signers), k.community.code, k.name, k.code, signed.isoformat(),
                    (signed + timedelta(days=3 * 365)).isoformat()))
        n += 1
    return n


def dispute_residents(cs: Compounds, party_ids: list[str], rng: random.Random) -> Iterator[tuple[str, ...]]:
    """Rows (party-members' MEMBER_HEADER) of the ``dispute`` compound's hidden residents."""
    k = cs.planted("dispute")
    elsewhere = next(i for i in party_ids if i.startswith("PG") and not i[2:].startswith(k.community.code))
    for j in range(DISPUTE_HIDDEN):
        birth = f"{1975 + j}0{1 + j}15"
        yield (cg.id_number(_HIDDEN_REGION, birth, f"{100 + j:03d}"), person_name(rng), phone(rng), "正常",
               elsewhere, "", "", "", *k.ref, k.community.code, "")
