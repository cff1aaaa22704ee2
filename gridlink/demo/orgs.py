"""Organization identities (codes, names, types) and the three registry files: enterprises, public units,
social organizations. Names are unique by construction (mixed-radix decoding of a permuted index)."""

from __future__ import annotations

import random
from collections import Counter

from gridlink.demo import codes_gen as cg
from gridlink.demo.divisions import unique_base
from gridlink.demo.names import (
    COMPANY_FORMS,
    ENTERPRISE_TYPES,
    INDUSTRIES,
    SYLLABLES,
    address,
    trade_name,
)
from gridlink.demo.world import DIRTY_SHARE, DIRTY_WEIGHTS, Draw, OrgCore, World

# (name pattern, 单位类别, USCC dept+category, 经费来源, 举办单位 pattern)
PUBLIC_TYPES = (
    ("成都市{district}{base}小学", "事业单位", "12", "全额拨款", "成都市{district}教育局"),
    ("成都市{district}{base}幼儿园", "事业单位", "12", "差额拨款", "成都市{district}教育局"),
    ("成都市{district}{base}社区卫生服务中心", "事业单位", "12", "差额拨款", "成都市{district}卫生健康局"),
    ("成都市{district}{base}文化活动中心", "事业单位", "12", "全额拨款", "成都市{district}文化广电旅游局"),
    ("成都市公安局{district}分局{base}派出所", "机关", "11", "全额拨款", "成都市公安局{district}分局"),
    ("成都市{district}{base}养老服务中心", "事业单位", "12", "自收自支", "成都市{district}民政局"),
    ("成都市{district}图书馆{base}分馆", "事业单位", "12", "全额拨款", "成都市{district}文化广电旅游局"),
    ("成都市{district}{base}中学", "事业单位", "12", "全额拨款", "成都市{district}教育局"),
)
# (name suffix, USCC dept+category, 社会组织类型, 业务主管单位)
SOCIAL_TYPES = (
    ("社会工作服务中心", "52", "社会服务机构", "{district}民政局"),
    ("志愿服务协会", "51", "社会团体", "{district}民政局"),
    ("养老服务中心", "52", "民办非企业单位", "{district}民政局"),
    ("商会", "51", "社会团体", "{district}工商业联合会"),
    ("文化艺术团", "51", "社会团体", "{district}文化广电旅游局"),
    ("心理咨询服务中心", "52", "社会服务机构", "{district}卫生健康局"),
    ("公益发展中心", "52", "社会服务机构", "{district}民政局"),
    ("书画协会", "51", "社会团体", "{district}文学艺术界联合会"),
    ("青少年活动中心", "52", "民办非企业单位", "{district}教育局"),
    ("慈善基金会", "53", "基金会", "成都市民政局"),  # last: rare (see build_core)
)


def _staff(d: Draw, kind: str) -> int:
    if kind == "public_unit":
        return 15 + d.below(280)
    if kind == "social_org":
        return 2 + d.below(40)
    r = d.unit()  # enterprises: most are micro firms
    return 1 + d.below(9) if r < 0.70 else 10 + d.below(40) if r < 0.90 else 50 + d.below(250) if r < 0.98 \
        else 300 + d.below(3000)


def build_core(w: World, d: Draw, i: int, kind: str, sub: int) -> OrgCore:
    """Derive organization ``i`` from its hash ``d`` (see :mod:`gridlink.demo.world`)."""
    office = kind == "public_unit" and sub < len(w.area.streets)
    cs = w.area.communities
    if office:
        street = w.area.streets[sub]
        community = next(c for c in cs if c.street == street)
    elif kind == "public_unit":  # community-level units: each community in turn, then the next unit type
        community = cs[(sub - len(w.area.streets)) % len(cs)]
    else:
        community = w.community_for(d)
    grid, lon, lat = w.place(d, community)
    district = community.street.district
    region = district.code if d.unit() < 0.8 else district.code[:4] + "00"
    staff = _staff(d, kind)
    dirt = "" if office or d.unit() >= DIRTY_SHARE else d.pick(DIRTY_WEIGHTS)
    active = kind != "enterprise" or d.unit() < 0.92
    if kind == "public_unit":
        num = w.perm_num(i)
        if office:
            s = community.street
            name = (f"成都市{district.name}人民政府{s.name}办事处" if s.name.endswith("街道")
                    else f"{district.name}{s.name}人民政府")
            org_type, dept, variant = "机关", "11", -1
        else:
            k = sub - len(w.area.streets)
            variant = (k // len(cs)) % len(PUBLIC_TYPES)
            pattern, org_type, dept, _, _ = PUBLIC_TYPES[variant]
            nth = cg_ordinal(k // (len(cs) * len(PUBLIC_TYPES)))
            name = pattern.format(district=district.name, base=unique_base(community) + nth)
        body = ("0" if dept == "11" else "4") + f"{num:07d}"
        uscc = cg.make_uscc(dept[0], dept[1], region, body)
        party = "own" if dept == "11" or d.unit() < 0.85 else ""
    elif kind == "enterprise":
        p = w.perm_ent(sub)
        trade, rest = trade_name(p)
        rest, variant = divmod(rest, len(INDUSTRIES))
        if rest:  # beyond 2 syllables x industries: a third syllable (enough for ~10^7 firms)
            trade += SYLLABLES[rest - 1]
        word = INDUSTRIES[variant][0]
        form = COMPANY_FORMS[d.below(len(COMPANY_FORMS))]
        style = d.unit()
        name = (f"{trade}（成都）{word}{form}" if style < 0.15 else f"四川{trade}{word}{form}" if style < 0.35
                else f"成都{trade}{word}{form}")
        org_type = ENTERPRISE_TYPES[d.below(len(ENTERPRISE_TYPES))]
        if d.unit() < 0.3:  # registered before 2015: an all-digit organization code
            body = f"{w.perm_num(i):08d}"
        else:
            body = "MA6" + cg.base31(w.perm_ma(sub), 5)
        uscc = cg.make_uscc("9", "1", region, body)
        party = _party(d, staff, active, dirt)
    else:
        p = w.perm_soc(sub)
        trade, rest = trade_name(p)
        # foundations are rare; the type never affects uniqueness (trade name + ordinal already unique)
        variant = d.below(len(SOCIAL_TYPES) - 1) if d.unit() < 0.97 else len(SOCIAL_TYPES) - 1
        suffix, dept, org_type, _ = SOCIAL_TYPES[variant]
        name = f"成都市{district.name}{trade}{SYLLABLES[rest - 1] if rest else ''}{suffix}"
        uscc = cg.make_uscc(dept[0], dept[1], region, "MJ" + f"{w.perm_mj(sub):06d}")
        party = _party(d, staff, active, dirt)
    if dirt:  # only defects that can happen to this row: Excel mangles all-digit codes, twins need brackets
        dirt = d.pick(tuple((k, wt) for k, wt in DIRTY_WEIGHTS
                            if (k != "excel" or uscc.isdigit()) and (k != "duplicate" or "（" in name)))
    if dirt:
        party = ""
    return OrgCore(i, kind, sub, uscc, name, org_type, variant, community, grid, lon, lat, staff, active, party, dirt)


def _party(d: Draw, staff: int, active: bool, dirt: str) -> str:
    r = d.unit()
    if not active or dirt:
        return ""
    if staff >= 50:
        return "own" if r < 0.75 else ""
    if staff >= 10:
        return "own" if r < 0.30 else ""
    return "joint" if r < 0.20 else ""  # two coverages: most micro firms have no party organization at all


def cg_ordinal(n: int) -> str:
    """'' for 0, then 第二, 第三 ... (disambiguates repeated names)."""
    return "" if n == 0 else f"第{n + 1}" if n >= 9 else ("第二", "第三", "第四", "第五", "第六", "第七", "第八",
                                                             "第九", "第十")[n - 1]


def location_cells(core: OrgCore, rng: random.Random) -> tuple[str, str, str, str, str]:
    """(address, 区划代码, 网格编码, 经度, 纬度) as the row writes them; most rows carry coordinates."""
    c = core.community
    addr = address(rng, c.street.district.name, c.street.name, c.short)
    if core.dirt == "address_only":
        return addr, "", "", "", ""
    if core.dirt == "unknown_division":
        return addr, c.street.code + "998", "", "", ""
    r = rng.random()
    if r < 0.75:
        return addr, c.code, core.grid.code, f"{core.lon:.6f}", f"{core.lat:.6f}"
    if r < 0.95:
        return addr, c.code, "", "", ""
    return addr, c.code, core.grid.code, "", ""


def dirty_code(core: OrgCore) -> str:
    """The credit code as the row writes it (the defect applied, if the row has one)."""
    code = core.uscc
    if core.dirt == "pilot":
        return cg.pilot_code(code[2:8], core.index)
    if core.dirt == "duplicate":
        return code
    mangle = {"fullwidth": cg.fullwidth, "spaces": cg.spaced, "bad_check": cg.bad_check, "excel": cg.excel_mangled}
    return mangle[core.dirt](code) if core.dirt in mangle else code


def count_dirt(counter: Counter[str], core: OrgCore) -> None:
    """Record the row's defect (a 'duplicate' adds one extra row after the clean original)."""
    if core.dirt:
        counter[core.dirt] += 1
