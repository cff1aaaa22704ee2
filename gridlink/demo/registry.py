"""The three registry exports: enterprises (企业信用信息公示), public units (事业单位/机关) and social organizations.

Each row is organization ``i`` of the world (identity from :meth:`World.org`) plus details nothing else refers to,
drawn from the file's own ``random.Random``. Defective rows keep the defect recorded in the returned counter; a
'duplicate' writes the clean row and then the same company again, with ASCII brackets and no code.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

from gridlink.demo.names import INDUSTRIES, person_name
from gridlink.demo.orgs import PUBLIC_TYPES, SOCIAL_TYPES, dirty_code, location_cells
from gridlink.demo.world import OrgCore, World
from gridlink.demo.writers import Sink

ENTERPRISE_HEADER = ("统一社会信用代码", "企业名称", "企业类型", "法定代表人", "注册资本", "成立日期", "登记状态",
                     "住所", "经营范围", "所属行业", "从业人数", "区划代码", "网格编码", "经度", "纬度")
PUBLIC_UNIT_HEADER = ("统一社会信用代码", "单位名称", "单位类别", "举办单位", "经费来源", "住所", "法定代表人",
                      "区划代码", "网格编码", "经度", "纬度")
SOCIAL_ORG_HEADER = ("统一社会信用代码", "社会组织名称", "社会组织类型", "业务主管单位", "登记管理机关", "成立日期",
                     "登记状态", "住所", "区划代码", "网格编码", "经度", "纬度")
_INACTIVE, _INACTIVE_WEIGHTS = ("吊销，未注销", "注销", "迁出"), (4, 3, 1)
_ACTIVE = ("存续", "存续", "存续", "在业", "开业")


def _founded(rng: random.Random, numeric: bool) -> str:
    # all-digit organization codes were issued before the 2015 reform, MA… codes after it
    start, span = (date(1995, 1, 1), 7300) if numeric else (date(2015, 10, 1), 3500)
    return (start + timedelta(days=rng.randrange(span))).isoformat()


def _name(core: OrgCore) -> str:
    return "" if core.dirt == "missing_name" else core.name


def _emit(sink: Sink, row: list[str | int], core: OrgCore, dirt: Counter[str]) -> None:
    """Write an organization's row, count its defect, and for a planted duplicate write the same organization
    again as another registry spells it: ASCII brackets, no code, no coordinates (the name is column 1)."""
    sink.write(row)
    if core.dirt:
        dirt[core.dirt] += 1
    if core.dirt == "duplicate":
        twin = list(row)
        twin[0] = ""
        twin[1] = core.name.replace("（", "(").replace("）", ")")
        twin[-4], twin[-3], twin[-2], twin[-1] = core.community.code, "", "", ""
        sink.write(twin)


def write_enterprises(w: World, sink: Sink, rng: random.Random) -> Counter[str]:
    """Write every enterprise; returns the count of each defect."""
    dirt: Counter[str] = Counter()
    for i in range(w.n_public, w.n_public + w.n_enterprise):
        core = w.org(i)
        ind_word = INDUSTRIES[core.variant]
        status = rng.choice(_ACTIVE) if core.active else rng.choices(_INACTIVE, _INACTIVE_WEIGHTS)[0]
        addr, division, grid, lon, lat = location_cells(core, rng)
        row: list[str | int] = [
            dirty_code(core), _name(core), core.org_type, person_name(rng),
            f"{rng.choice((3, 5, 10, 50, 100, 200, 500, 1000, 5000))}万元人民币",
            _founded(rng, core.uscc[8:16].isdigit()), status, addr, ind_word[2], ind_word[1], core.staff,
            division, grid, lon, lat]
        _emit(sink, row, core, dirt)
    return dirt


def write_public_units(w: World, sink: Sink, rng: random.Random) -> Counter[str]:
    """Write every public unit (机关 and 事业单位); returns the count of each defect."""
    dirt: Counter[str] = Counter()
    for i in range(w.n_public):
        core = w.org(i)
        district = core.community.street.district.name
        if core.variant < 0:  # a street office
            funding, sponsor = "全额拨款", f"成都市{district}人民政府"
        else:
            funding, sponsor = PUBLIC_TYPES[core.variant][3], PUBLIC_TYPES[core.variant][4].format(district=district)
        addr, division, grid, lon, lat = location_cells(core, rng)
        row: list[str | int] = [dirty_code(core), _name(core), core.org_type, sponsor, funding, addr,
                                person_name(rng), division, grid, lon, lat]
        _emit(sink, row, core, dirt)
    return dirt


def write_social_orgs(w: World, sink: Sink, rng: random.Random) -> Counter[str]:
    """Write every social organization; returns the count of each defect."""
    dirt: Counter[str] = Counter()
    for i in range(w.n_public + w.n_enterprise, w.scale):
        core = w.org(i)
        district = core.community.street.district.name
        supervisor = SOCIAL_TYPES[core.variant][3]
        registrar = "成都市民政局" if core.uscc[2:8].endswith("00") else f"成都市{district}民政局"
        addr, division, grid, lon, lat = location_cells(core, rng)
        row: list[str | int] = [dirty_code(core), _name(core), core.org_type, supervisor.format(district=district),
                                registrar, _founded(rng, False), "正常" if rng.random() < 0.97 else "注销", addr,
                                division, grid, lon, lat]
        _emit(sink, row, core, dirt)
    return dirt
