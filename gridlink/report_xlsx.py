"""``gridlink report indicators --xlsx``: the indicators workbook a street office circulates (issue #13 part 3).

One sheet per level (区 / 街道 / 社区 …, from the division asked about down to its communities), one row per
division, Chinese headers, the header row frozen, number formats for counts, days, ratings and percentages, and a
说明 sheet saying where the figures come from. Each row's values are the API's own (``api.query_indicators.
as_indicators``), so the workbook and ``indicators`` can never disagree; member counts are suppressed as for
readers unless ``planner`` is set.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from api.query_indicators import as_indicators
from api.settings import get_api_settings
from api.types.indicators import DivisionIndicators
from graph import localtime
from graph.errors import GridlinkError
from gridlink import report
from queries import indicator_rules as rules
from queries import typology
from queries.catalog import run

LEVELS = (("city", "市"), ("district", "区（县）"), ("street", "街道（镇）"), ("community", "社区（村）"))
INT, DAYS, RATING, PERCENT, RATE, TEXT = "0", "0.0", "0.00", "0.0%", "0.0", "@"


@dataclass(frozen=True)
class Column:
    """A column of every sheet: Chinese header, value of a row, number format, width."""

    header: str
    value: Callable[[DivisionIndicators], Any]
    fmt: str
    width: int = 12


def columns() -> list[Column]:
    """The columns, in order (the no-candidate header names the configured days)."""
    days = rules.get_indicator_settings().no_candidate_days
    return [
        Column("区划代码", lambda r: r.code, TEXT, 15), Column("名称", lambda r: r.name, TEXT, 24),
        Column("城乡分类", lambda r: typology.urban_rural_label(r.urban_rural), TEXT),
        Column("社区类型", lambda r: r.community_type_label, TEXT, 14),
        Column("未完成需求", lambda r: r.needs_open, INT), Column("逾期需求", lambda r: r.needs_past_due, INT),
        Column(f"超{rules.UNCLAIMED_DAYS}天无人认领", lambda r: r.needs_unclaimed, INT, 14),
        Column(f"超{days}天无可对接资源", lambda r: r.needs_no_candidate, INT, 16),
        Column("认领到交付中位天数", lambda r: r.median_claim_to_delivery_days, DAYS, 16),
        Column("验收评分均值", lambda r: r.rating_mean, RATING), Column("评分个数", lambda r: r.rating_count, INT),
        Column("网格数", lambda r: r.grids, INT), Column("有党组织网格", lambda r: r.grids_with_branch, INT),
        Column("网格党组织覆盖率", lambda r: rules.share(r.grids_with_branch, r.grids), PERCENT, 14),
        Column("小区数", lambda r: r.compounds, INT), Column("有党组织小区", lambda r: r.compounds_with_branch, INT),
        Column("小区党组织覆盖率", lambda r: rules.share(r.compounds_with_branch, r.compounds), PERCENT, 14),
        Column("驻区单位", lambda r: r.resident_units, INT),
        Column(f"近{rules.ACTIVE_MONTHS}个月活跃单位", lambda r: r.resident_units_active, INT, 16),
        Column("活跃单位占比", lambda r: r.active_unit_share, PERCENT),
        Column("小区户数", lambda r: r.households, INT),
        Column(f"近{rules.ACTIVE_MONTHS}个月物业工单", lambda r: r.property_work_orders, INT, 16),
        Column("每百户物业工单", lambda r: r.property_work_orders_per_100_households, RATE, 14),
        Column("居住党员", lambda r: r.members, INT), Column("报到率", lambda r: r.check_in_rate, PERCENT),
        Column("隐形口袋党员占比", lambda r: r.hidden_pocket_share, PERCENT, 16),
    ]


def _tree(code: str) -> tuple[dict[str, Any], list[str]]:
    """The division ``code`` (its ``division_detail`` row) and the codes whose indicators answer for it and every
    division below it down to communities: itself and each division below it that has children."""
    detail = run("division_detail", {"code": code}).records
    if not detail or detail[0]["division"] is None:
        raise GridlinkError(f"--division: no division {code} (give a 12-digit code of a loaded division)")
    parents, frontier = [code], [code]
    while frontier:
        below = [x for c in frontier
                 for r in run("division_children", {"code": c, "withCounts": True, "withTypes": False}).records
                 for x in r["children"]]
        frontier = [x["code"] for x in below if x["childCount"] > 0 and x["level"] != "community"]
        parents += frontier
    return detail[0]["division"], parents


def rows_for(code: str, month: str) -> tuple[list[dict[str, Any]], str]:
    """The indicator rows of ``code`` and every division below it for ``month``, and where they come from: the
    stored snapshot when every one of them has one, else computed as of the month's end (not stored)."""
    _, parents = _tree(code)
    stored: dict[str, dict[str, Any]] = {}
    for p in parents:
        for rec in run("indicator_history", {"divisionCode": p, "fromMonth": month, "toMonth": month,
                                             "withChildren": True}).records:
            stored.setdefault(rec["snapshot"]["code"], rec["snapshot"])
    as_of = report.month_as_of(month)
    computed = report.compute(as_of, parents)
    if stored and set(stored) >= set(computed):
        return [stored[c] for c in computed], f"{month} 月度快照（gridlink report snapshot）"
    return list(computed.values()), f"按 {as_of.isoformat()} 的图数据计算（该月没有完整快照）"


def write(code: str, month: str, path: Path, *, planner: bool = False) -> dict[str, int]:
    """Write the workbook of ``code`` for ``month`` to ``path``; returns rows per sheet title.

    Raises:
        GridlinkError: a bad ``--month`` or an unknown ``--division``.
    """
    report.month_end(month)  # checks the month first
    rows, source = rows_for(code, month)
    k = None if planner else get_api_settings().min_member_count
    cols = columns()
    wb = Workbook()
    wb.remove(wb.active)
    counts: dict[str, int] = {}
    head_font, head_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for level, title in LEVELS:
        mine = [as_indicators(r, k, month) for r in rows if r["level"] == level]
        if not mine:
            continue
        ws = wb.create_sheet(title)
        ws.append([c.header for c in cols])
        for cell in ws[1]:
            cell.font, cell.fill = head_font, head_fill
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for ind in mine:
            ws.append([c.value(ind) for c in cols])
        for j, c in enumerate(cols, start=1):
            letter = ws.cell(row=1, column=j).column_letter
            ws.column_dimensions[letter].width = c.width
            for i in range(2, len(mine) + 2):
                ws.cell(row=i, column=j).number_format = c.fmt
        ws.freeze_panes = "C2"  # the header row and the code and name columns stay in view
        ws.auto_filter.ref = ws.dimensions
        counts[title] = len(mine)
    notes = wb.create_sheet("说明")
    privacy = ("本表为党工委内部版，未做小数抑制" if planner
               else f"居住党员数 1–{(k or 1) - 1} 及据此计算的比例留空（小数抑制）")
    for line in (("月份", month), ("数据来源", source),
                 ("导出时间（北京时间）", localtime.now().strftime("%Y-%m-%d %H:%M")),
                 ("口径", "见 docs/indicators.md：每项指标在命名查询中只定义一次；阈值见 queries/indicator_rules.py"),
                 ("数字格式", "比例为百分比（0.0%），天数保留一位小数，评分保留两位小数"),
                 ("个人信息", "仅含统计数；" + privacy)):
        notes.append(list(line))
    notes.column_dimensions["A"].width, notes.column_dimensions["B"].width = 20, 80
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return counts
