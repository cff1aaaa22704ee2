"""The files below the grid: 小区名录 (compounds), 业委会备案 (owner-committees), the compounds' party
organizations (rows of the party-orgs file) and a year of 12345 work orders (工单导出).

Work orders carry, as real exports do, the caller's name and phone and the complaint text (a third of the texts
name the caller and give a phone): the ingest keeps the text with both masked and stores no caller data (its test
scans every property of the graph for them). Their number scales with the set (5 per registry organization),
spread over compounds by households and type, with a seasonal month profile and a category mix by type.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

from gridlink.demo.compounds import Compound, Compounds
from gridlink.demo.names import person_name, phone
from gridlink.demo.writers import Sink

COMMITTEE_HEADER = ("小区", "小区编码", "所属社区", "业委会名称", "委员会类型", "成立日期", "届期", "主任", "委员人数",
                    "党员人数")
WORK_ORDER_HEADER = ("工单编号", "受理时间", "办结时间", "来电人", "来电号码", "诉求内容", "问题类别", "办理状态",
                     "满意度", "承办单位", "小区名称", "地址", "所属社区", "所属网格")
# category word -> weight per compound type (商品房: property disputes; old courtyards: facilities and environment)
CATEGORY_MIX: dict[str, tuple[tuple[str, int], ...]] = {
    "商品房小区": (("物业管理", 35), ("停车", 15), ("噪音", 12), ("环境卫生", 12), ("公共设施", 10), ("安全隐患", 6),
              ("邻里纠纷", 6), ("其他", 4)),
    "default": (("物业管理", 10), ("环境卫生", 25), ("公共设施", 25), ("安全隐患", 15), ("噪音", 8), ("停车", 7),
                ("邻里纠纷", 6), ("其他", 4)),
}
#: work orders per 100 households per year, by type (relative)
RATE = {"商品房小区": 6.0, "安置小区": 5.0, "老旧院落": 4.0, "单位大院": 3.0, "胡同/平房片区": 4.0, "其他": 3.0}
#: relative volume per month, January..December (summer: noise, water, heat; Spring Festival dip)
MONTHS = (7, 6, 8, 8, 9, 11, 13, 13, 10, 9, 8, 7)
STATUS = (("办结", 88), ("在办", 8), ("退回", 4))
SATISFACTION = (("满意", 70), ("基本满意", 18), ("不满意", 8), ("未评价", 4))
HANDLERS = ("{street}办事处", "{community}居委会", "区住房和城乡建设局", "区城市管理局", "区生态环境局", "区公安分局")


def write_compounds(cs: Compounds, sink: Sink) -> int:
    """The 小区名录; returns how many compounds have a property company."""
    managed = 0
    for k in cs.all():
        company = k.company
        managed += company is not None
        # the planted dispute compound is new: not yet drawn into a grid, so no grid branch covers it either
        new = k.planted == "dispute"
        sink.write((k.code, k.name, k.type_word, f"{k.community.street.name}{k.community.short}{k.name}",
                    k.community.code, "" if new else k.grid.code, k.households, k.buildings, k.year,
                    company.name if company else "", company.uscc if company else "", k.mode,
                    "已成立" if k.committee else "未成立", "" if new else f"{k.lon:.6f}",
                    "" if new else f"{k.lat:.6f}", "" if new else boundary(k)))
    return managed


def boundary(k: Compound) -> str:
    """A WKT square of about 150 m around the compound's point for the planted compounds and one in three others
    (a 小区名录 with 边界 for some compounds, none for the rest), else ''."""
    if not (k.planted or k.households % 3 == 0):
        return ""
    d = 0.0007
    x0, y0, x1, y1 = k.lon - d, k.lat - d, k.lon + d, k.lat + d
    return (f"POLYGON (({x0:.6f} {y0:.6f}, {x1:.6f} {y0:.6f}, {x1:.6f} {y1:.6f}, {x0:.6f} {y1:.6f}, "
            f"{x0:.6f} {y0:.6f}))")


def branch_rows(cs: Compounds, rng: random.Random) -> list[tuple[str, ...]]:
    """Party-orgs rows (PARTY_ORG_HEADER) of the compounds' 小区党支部 / 楼栋党小组, under their grid branch."""
    rows: list[tuple[str, ...]] = []
    for k in cs.all():
        if not k.branch:
            continue
        c = k.community
        name = (f"中共{c.street.name}{k.name}支部委员会" if k.branch == "党支部"
                else f"{k.name}{rng.randint(1, max(1, k.buildings))}栋党小组")
        members = rng.randint(3, 30) if k.branch == "党支部" else rng.randint(2, 6)
        rows.append((f"PC{k.grid.code}{k.name}", name, "小区党支部" if k.branch == "党支部" else "楼栋党小组",
                     f"PG{k.grid.code}", "", "", str(members), person_name(rng), phone(rng), "", c.code,
                     k.name, k.code))
    return rows


def write_committees(cs: Compounds, sink: Sink, rng: random.Random) -> int:
    """业委会备案 rows of the compounds with a committee; returns their number."""
    today = cs.w.as_of
    for k in cs.all():
        if not k.committee:
            continue
        founded = today - timedelta(days=rng.randrange(200, 3000))
        start = founded if rng.random() < 0.5 else today - timedelta(days=rng.randrange(30, 1000))
        members = rng.choice((5, 7, 7, 9))
        party = 3 if k.planted == "model" else rng.choices((0, 1, 2, 3), (40, 30, 20, 10))[0]
        sink.write((k.name, k.code, k.community.code, f"{k.name}业主委员会",
                    "业主委员会" if rng.random() < 0.9 else "物业管理委员会", founded.isoformat(),
                    f"{start.isoformat()}至{(start + timedelta(days=5 * 365)).isoformat()}", person_name(rng),
                    members, party))
    return sum(1 for k in cs.all() if k.committee)


def residence(cs: Compounds, community_code: str, rng: random.Random) -> tuple[str, str]:
    """(居住小区, 居住小区编码) of a party member of a community: a compound of it, never a planted one (their
    residents are written on purpose: none for ``dispute``, four registered members for ``model``)."""
    choices = [k for k in cs.by_community.get(community_code, []) if k.planted not in ("dispute", "model")]
    if not choices or rng.random() < 0.2:
        return "", ""
    return rng.choice(choices).ref


def work_order_count(cs: Compounds, target: int) -> dict[tuple[str, str], int]:
    """Orders per compound (grid code, name): ``target`` spread by households × type rate (the dispute ×15)."""
    weights = {(k.grid.code, k.name): k.households * RATE.get(k.type_word, 3.0) * (15 if k.planted == "dispute"
                                                                                    else 1) for k in cs.all()}
    total = sum(weights.values()) or 1.0
    return {key: int(target * wt / total + 0.5) for key, wt in weights.items()}


def write_work_orders(cs: Compounds, sink: Sink, rng: random.Random, target: int) -> Counter[str]:
    """A year (to the demo's as-of date) of 12345 work orders; returns the count per category word."""
    counts = work_order_count(cs, target)
    today = cs.w.as_of
    start = today - timedelta(days=364)
    months = [(start.replace(day=1) + timedelta(days=31 * m)).replace(day=1) for m in range(12)]
    cats: Counter[str] = Counter()
    n = 0
    for k in cs.all():
        mix = CATEGORY_MIX.get(k.type_word, CATEGORY_MIX["default"])
        if k.planted == "dispute":
            mix = (("物业管理", 70), ("停车", 15), ("噪音", 15))
        for _ in range(counts[(k.grid.code, k.name)]):
            n += 1
            month = rng.choices(months, [MONTHS[m.month - 1] for m in months])[0]
            day = min(month + timedelta(days=rng.randrange(28)), today)
            received = f"{max(day, start).isoformat()} {rng.randrange(8, 21):02d}:{rng.randrange(60):02d}:00"
            category = rng.choices([c for c, _ in mix], [w for _, w in mix])[0]
            status = rng.choices([s for s, _ in STATUS], [w for _, w in STATUS])[0]
            closed = (day + timedelta(days=rng.randrange(1, 15))) if status == "办结" else None
            caller, tel = person_name(rng), phone(rng)
            # a third of the texts name the caller and give a phone, as real ones do (the ingest masks both)
            text = (f"{caller}反映{k.name}{category}问题，联系电话{tel}" if n % 3 == 0
                    else f"反映{k.name}{category}问题，请尽快处理")
            sink.write((f"GD{today.year}{n:08d}", received, closed.isoformat() if closed else "",
                        caller, tel, text,
                        category, status, rng.choices([s for s, _ in SATISFACTION], [w for _, w in SATISFACTION])[0]
                        if closed else "", rng.choice(HANDLERS).format(street=k.community.street.name,
                                                                       community=k.community.short),
                        k.name if rng.random() < 0.85 else "",
                        f"{k.community.short}{k.name}{rng.randint(1, max(1, k.buildings))}栋", k.community.short,
                        k.grid.code if rng.random() < 0.9 else ""))
            cats[category] += 1
    return cats


def planted_needs(cs: Compounds) -> list[tuple[Compound, str, str, str, date]]:
    """(compound, title, category word, project status, delivered) of the ``model`` compound's needs."""
    model, today = cs.planted("model"), cs.w.as_of
    return [(model, f"{model.name}中秋邻里文艺汇演", "文体活动", "已验收", today - timedelta(days=60)),
            (model, f"{model.name}楼道堆物清理", "环境整治", "已交付", today - timedelta(days=20))]
