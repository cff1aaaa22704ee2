"""The three lists (三张清单): resources (资源清单), needs (需求清单) and projects (项目清单).

Resources are offered by units that have their own party organization (the 驻区单位 that joined regional party
building) and sit at the provider's place. Needs are raised in a community's grids, some by units. Every claimed
or closed need becomes a project that uses a resource of the same category when there is one.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from graph import vocab
from gridlink.demo.party import PartyIndex
from gridlink.demo.world import World
from gridlink.demo.writers import Sink

if TYPE_CHECKING:
    from gridlink.demo.compounds import Compounds

# key, weight, resource names, need titles; the Chinese word of each key comes from graph/vocab.py
_SAMPLES: tuple[tuple[str, int, tuple[str, ...], tuple[str, ...]], ...] = (
    ("venue", 14, ("会议室", "职工活动室", "多功能厅", "职工食堂（错峰开放）"),
     ("居民议事场地", "活动阵地")),
    ("volunteer", 12, ("党员志愿服务队", "青年志愿者服务队"), ("志愿者招募", "周末志愿服务")),
    ("funding", 4, ("微公益基金", "共建项目资金"), ("微更新资金缺口",)),
    ("legal", 6, ("法律咨询服务", "公益法律讲座"), ("法律咨询", "物业纠纷法律援助")),
    ("medical", 7, ("义诊服务", "健康体检", "中医理疗"), ("老年人义诊", "慢病随访")),
    ("education", 6, ("课后辅导", "科学小屋课程"), ("四点半课堂辅导", "青少年科普")),
    ("elderly", 9, ("长者助餐", "居家养老上门服务"), ("老年人助餐", "独居老人探访")),
    ("childcare", 3, ("托育点", "亲子活动"), ("婴幼儿托育",)),
    ("disability", 3, ("助残康复服务",), ("残疾人康复",)),
    ("hardship", 5, ("困难家庭帮扶", "爱心物资"), ("困难家庭帮扶",)),
    ("mediation", 5, ("人民调解员",), ("物业纠纷调解", "邻里矛盾调解")),
    ("environment", 6, ("环境整治志愿队", "绿化养护"), ("楼道堆物清理", "背街小巷整治")),
    ("safety", 4, ("夜间巡逻队", "消防安全培训"), ("夜间巡逻", "消防隐患排查")),
    ("culture", 6, ("文艺演出", "篮球场开放"), ("社区文艺汇演", "全民健身活动")),
    ("employment", 4, ("就业岗位", "见习岗位"), ("居民就业岗位",)),
    ("equipment", 3, ("投影设备", "应急物资"), ("活动设备",)),
    ("training", 5, ("技能培训", "政策解读讲座"), ("技能培训", "防诈骗讲座")),
    ("convenience", 6, ("便民理发", "家电维修"), ("便民维修",)),
    ("other", 1, ("其他支持",), ("其他需求",)),
)
#: key, Chinese word (the vocabulary's label), weight, resource names, need titles
CATEGORIES: tuple[tuple[str, str, int, tuple[str, ...], tuple[str, ...]], ...] = tuple(
    (key, vocab.CATEGORIES[key][0], weight, names, titles) for key, weight, names, titles in _SAMPLES)
RESOURCE_HEADER = ("资源编号", "资源名称", "资源类别", "提供单位统一社会信用代码", "提供单位名称", "资源描述",
                   "服务容量", "可用开始日期", "可用结束日期", "开放星期", "开放时间", "服务半径米", "网格编码",
                   "区划代码", "经度", "纬度")
NEED_HEADER = ("需求编号", "需求标题", "需求类别", "需求描述", "发布日期", "期望完成日期", "紧急程度", "状态",
               "提出单位统一社会信用代码", "网格编码", "区划代码", "所在小区", "小区编码")
PROJECT_HEADER = ("项目编号", "项目名称", "需求编号", "资源编号", "牵头单位统一社会信用代码", "状态", "开始日期",
                  "交付日期", "验收日期", "评价", "评分", "网格编码", "区划代码")
_WEEKDAYS = ("1-5", "1-5", "1-7", "6,7", "1,3,5", "2,4,6")
_HOURS = ("09:00-17:00", "08:30-12:00", "14:00-18:00", "19:00-21:00", "09:00-21:00")


@dataclass
class ResourceIndex:
    """Resource numbers by category and their providers (organization indices)."""

    by_category: dict[str, list[int]] = field(default_factory=dict)
    provider: list[int] = field(default_factory=list)
    dirt: Counter[str] = field(default_factory=Counter)


def _pick_category(rng: random.Random) -> tuple[str, str, int, tuple[str, ...], tuple[str, ...]]:
    return rng.choices(CATEGORIES, [c[2] for c in CATEGORIES])[0]


def _day(w: World, rng: random.Random, back: int) -> date:
    return w.as_of - timedelta(days=rng.randrange(back))


def write_resources(w: World, sink: Sink, rng: random.Random, party: PartyIndex, count: int) -> ResourceIndex:
    """Write ``count`` resources offered by units with a party organization."""
    out = ResourceIndex()
    for r in range(count):
        key, word, _, names, _ = _pick_category(rng)
        core = w.org(party.hosts[rng.randrange(len(party.hosts))])
        start = _day(w, rng, 720)
        end = start + timedelta(days=rng.choice((180, 365, 730))) if rng.random() < 0.7 else None
        grid, division = core.grid.code, core.community.code
        lon, lat = f"{core.lon:.6f}", f"{core.lat:.6f}"
        if rng.random() < 0.2:
            lon = lat = ""
        if rng.random() < 0.01:  # a grid code that does not exist: the ingest must reject the row
            grid, lon, lat = core.community.code + "999", "", ""
            out.dirt["unknown_grid"] += 1
        else:
            out.by_category.setdefault(key, []).append(r)
        out.provider.append(core.index)
        sink.write((f"ZY{r + 1:08d}", f"{core.name}{rng.choice(names)}", word if rng.random() < 0.9 else key,
                    core.uscc, core.name, f"{core.name}面向{core.community.short}居民提供{word}",
                    f"{rng.choice((10, 20, 30, 50, 100))}人次/{rng.choice(('周', '月'))}", start.isoformat(),
                    end.isoformat() if end else "", rng.choice(_WEEKDAYS), rng.choice(_HOURS),
                    rng.choice((500, 1000, 1500, 3000, "")), grid, division, lon, lat))
    return out


def write_needs_and_projects(w: World, needs: Sink, projects: Sink, rng: random.Random, party: PartyIndex,
                             res: ResourceIndex, count: int, cs: Compounds) -> Counter[str]:
    """Write ``count`` needs (a quarter of them of a compound) and a project for every claimed or closed one,
    then the planted ``model`` compound's two delivered needs; returns needs per status."""
    from gridlink.demo.compound_files import planted_needs, residence
    statuses: Counter[str] = Counter()
    for n in range(count):
        key, word, _, _, titles = _pick_category(rng)
        c = w.area.communities[rng.randrange(len(w.area.communities))]
        grid = rng.choice(w.grids[c.code]).code if rng.random() < 0.7 else ""
        raised = party.notable.get(c.code) if rng.random() < 0.35 else None
        raiser = w.org(rng.choice(raised)).uscc if raised else ""
        status = rng.choices(("待认领", "已认领", "已关闭"), (45, 40, 15))[0]
        published = _day(w, rng, 540)
        need_id = f"XQ{n + 1:08d}"
        title = f"{c.short}{rng.choice(titles)}"
        compound = residence(cs, c.code, rng) if rng.random() < 0.3 else ("", "")
        needs.write((need_id, title, word, f"{c.short}{'居民' if not raiser else '驻区单位'}提出：{title}",
                     published.isoformat(), (published + timedelta(days=rng.randint(30, 180))).isoformat(),
                     rng.choice(("高", "中", "低", 1, 2, 3)), status, raiser, grid, c.code, *compound))
        statuses[status] += 1
        if status != "待认领":
            candidates = res.by_category.get(key)  # a project without a matching resource keeps it empty
            r = rng.choice(candidates) if candidates else None
            _project(w, projects, rng, projects.rows, need_id, title, r, res, status, published, grid, c.code)
    for n, (k, title, word, project_status, delivered) in enumerate(planted_needs(cs)):
        need_id, status = f"XQC{n + 1:05d}", "已关闭" if project_status == "已验收" else "已认领"
        published = delivered - timedelta(days=90)
        needs.write((need_id, title, word, f"{k.community.short}居民提出：{title}", published.isoformat(),
                     delivered.isoformat(), "中", status, "", k.grid.code, k.community.code, *k.ref))
        statuses[status] += 1
        accepted = delivered + timedelta(days=5) if project_status == "已验收" else None
        projects.write((f"XMC{n + 1:05d}", f"{title}共建项目", need_id, "", "", project_status,
                        published.isoformat(), delivered.isoformat(), accepted.isoformat() if accepted else "",
                        "居民满意" if accepted else "", 5 if accepted else "", k.grid.code, k.community.code))
    return statuses


def _project(w: World, sink: Sink, rng: random.Random, k: int, need_id: str, title: str, r: int | None,
             res: ResourceIndex, need_status: str, published: date, grid: str, division: str) -> None:
    status = "已验收" if need_status == "已关闭" else rng.choice(("已认领", "实施中", "已交付"))
    start = published + timedelta(days=rng.randint(3, 30))
    delivered = start + timedelta(days=rng.randint(14, 120)) if status in ("已交付", "已验收") else None
    accepted = delivered + timedelta(days=rng.randint(3, 20)) if delivered and status == "已验收" else None
    rating = rng.choice((3, 4, 4, 5, 5)) if accepted else 0
    lead = w.org(res.provider[r]).uscc if r is not None else ""
    sink.write((f"XM{k + 1:08d}", f"{title}共建项目", need_id, f"ZY{r + 1:08d}" if r is not None else "", lead,
                status, start.isoformat(), delivered.isoformat() if delivered else "",
                accepted.isoformat() if accepted else "",
                {5: "居民满意，计划续签", 4: "按期完成", 3: "基本完成，需改进"}.get(rating, ""),
                rating or "", grid, division))
