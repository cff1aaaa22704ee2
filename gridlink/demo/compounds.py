"""Below the grid (issue #12): the compounds (小区/院落) of every grid, their property companies, owners'
committees and party organizations, and three planted cases.

A compound is a pure function of (seed, grid, position), like an organization, so later files (committees, party
organizations, members, needs, work orders) refer to compounds without a list of them on disk. Wuhou is mostly
商品房小区 and 老旧院落; property companies are the world's 物业管理 enterprises (valid credit codes).

Planted in the first grid of the area (its first three compounds), for the five-step questions:

- ``dispute``: a large new 商品房小区 with a company, not yet drawn into a grid (so no grid branch covers it),
  no committee, no party organization, no resident party member recorded and fifteen times the work orders (most
  of them property): every step missing, at the top of ``disputeHotspots``;
- ``model``: a 商品房小区 with a 小区党支部, a committee with party members, a company, four registered resident
  members and delivered projects (a culture one in the last 12 months): every step done;
- ``courtyard``: a 无物业 老旧院落.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from gridlink.demo.divisions import Community
from gridlink.demo.geometry import GridCell
from gridlink.demo.names import INDUSTRIES, SYLLABLES
from gridlink.demo.world import Draw, OrgCore, World

COMPOUND_HEADER = ("小区编码", "小区名称", "小区类型", "地址", "所属社区", "网格编码", "户数", "楼栋数", "建成年代",
                   "物业服务企业", "物业企业统一社会信用代码", "物业服务方式", "业委会成立情况", "经度", "纬度", "边界")
# type word, weight, households range, years range, name suffixes, management modes (word, weight)
TYPES: tuple[tuple[str, int, tuple[int, int], tuple[int, int], tuple[str, ...], tuple[tuple[str, int], ...]], ...] = (
    ("商品房小区", 45, (200, 1500), (1998, 2020), ("花园", "苑", "华庭", "府", "小区", "家园"),
     (("物业服务企业", 95), ("居民自管", 5))),
    ("老旧院落", 30, (30, 200), (1975, 1999), ("院落", "宿舍", "院"),
     (("无物业", 45), ("居民自管", 30), ("物业服务企业", 15), ("单位自管", 10))),
    ("单位大院", 10, (80, 400), (1970, 2000), ("大院", "家属院"), (("单位自管", 70), ("物业服务企业", 30))),
    ("安置小区", 8, (300, 1200), (2005, 2020), ("安置小区", "新居"), (("物业服务企业", 70), ("居民自管", 30))),
    ("胡同/平房片区", 3, (20, 150), (1950, 1990), ("巷片区", "平房区"), (("无物业", 70), ("居民自管", 30))),
    ("其他", 4, (50, 300), (1990, 2015), ("公寓", "小区"), (("物业服务企业", 60), ("无物业", 40))),
)
MODES = {"物业服务企业": "company", "单位自管": "unit", "居民自管": "residents", "无物业": "none"}
PLANTED = ("dispute", "model", "courtyard")
_PROPERTY_INDUSTRY = next(i for i, ind in enumerate(INDUSTRIES) if ind[0] == "物业管理")


@dataclass(frozen=True)
class Compound:
    """One demo compound."""

    code: str  # registry code, or '' (the ingest keys it by name + community)
    name: str
    type_word: str
    community: Community
    grid: GridCell
    households: int
    buildings: int
    year: int
    mode: str  # 物业服务方式 word
    company: OrgCore | None
    committee: bool
    branch: str  # '' | 党支部 | 党小组
    lon: float
    lat: float
    planted: str  # '' or one of PLANTED

    @property
    def ref(self) -> tuple[str, str]:
        """(小区名称, 小区编码) as other exports name it."""
        return self.name, self.code


def _weighted(d: Draw, items: tuple[tuple[str, int], ...]) -> str:
    return d.pick(items)


class Compounds:
    """The compounds of a world, by community, computed once per generation (a few thousand at most)."""

    def __init__(self, w: World) -> None:
        from gridlink.demo.indicator_plants import ageing_community

        self.w = w
        self.ageing = ageing_community(w.area)  # all its compounds are old courtyards (issue #13 demo)

    @cached_property
    def companies(self) -> list[OrgCore]:
        """Active, clean 物业管理 enterprises of the world (the property companies)."""
        first = self.w.n_public
        found = []
        for i in range(first, first + self.w.n_enterprise):
            core = self.w.org(i)
            if core.variant == _PROPERTY_INDUSTRY and core.active and not core.dirt:
                found.append(core)
        return found

    @cached_property
    def by_community(self) -> dict[str, list[Compound]]:
        """Every compound, by community code, in grid order."""
        out: dict[str, list[Compound]] = {}
        first_grid = True
        for c in self.w.area.communities:
            names: set[str] = set()
            for g in self.w.grids[c.code]:
                n = 2 + Draw(self.w.seed, "compounds", g.code).below(7)
                for j in range(max(n, 3) if first_grid else n):
                    planted = PLANTED[j] if first_grid and j < len(PLANTED) else ""
                    out.setdefault(c.code, []).append(self._build(g, j, names, planted))
                first_grid = False
        return out

    def all(self) -> Iterator[Compound]:
        """Every compound in file order."""
        for cs in self.by_community.values():
            yield from cs

    def _build(self, g: GridCell, j: int, names: set[str], planted: str) -> Compound:
        d = Draw(self.w.seed, "compound", g.code, j)
        word = {"dispute": "商品房小区", "model": "商品房小区", "courtyard": "老旧院落"}.get(planted) or (
            "老旧院落" if g.community == self.ageing else _weighted(d, tuple((t[0], t[1]) for t in TYPES)))
        _, _, (hlo, hhi), (ylo, yhi), suffixes, modes = next(t for t in TYPES if t[0] == word)
        base = SYLLABLES[d.below(len(SYLLABLES))] + SYLLABLES[d.below(len(SYLLABLES))] + suffixes[
            d.below(len(suffixes))]
        name, k = base, 1
        while name in names:  # unique within the community: the key of a compound without a code
            k += 1
            name = f"{base}{k}期"
        names.add(name)
        households = hlo + d.below(hhi - hlo + 1)
        mode = {"dispute": "物业服务企业", "model": "物业服务企业", "courtyard": "无物业"}.get(planted) or _weighted(
            d, modes)
        company = (self.companies[d.below(len(self.companies))]
                   if mode == "物业服务企业" and self.companies else None)
        lon, lat = g.box.point(0.1 + 0.8 * d.unit(), 0.1 + 0.8 * d.unit())
        commodity = word in ("商品房小区", "安置小区")
        committee = d.unit() < (0.5 if commodity else 0.1)
        branch_roll = d.unit()
        group_share = 0.35 if word == "老旧院落" else 0.3  # old courtyards: many old members, 楼栋党小组
        branch = "党支部" if branch_roll < 0.2 else "党小组" if branch_roll < group_share else ""
        if planted:
            committee, branch = planted == "model", "党支部" if planted == "model" else ""
        if planted == "dispute":
            households = max(households, 1200)
        code = f"XQ{g.code}{j + 1:02d}" if d.unit() < 0.7 else ""
        return Compound(code, name, word, g.community, g, households, max(1, households // 60),
                        ylo + d.below(yhi - ylo + 1), mode, company, committee, branch, lon, lat, planted)

    def planted(self, tag: str) -> Compound:
        """The planted compound ``tag`` (one of :data:`PLANTED`)."""
        return next(c for c in self.all() if c.planted == tag)
