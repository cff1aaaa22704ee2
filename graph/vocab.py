"""The domain vocabulary, declared once: each table maps a key (what the graph stores) to the words registries and
users write for it, the first word being the one shown to users.

Below the grid (issue #12): compound types, property-management modes, owners' committee types, 12345 work-order
categories, statuses and satisfaction, and the five steps (五步工作法). The ingest value maps derive from these with
:func:`word_map`; the API's allowed values are their keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

K = TypeVar("K", str, int)

# ---- below the grid: compounds, property management, 12345 work orders (issue #12) ----------------------------

#: Compound.type: 小区/院落 types of a street's 小区名录 (the raw word is kept in ``typeRaw``)
COMPOUND_TYPES: Mapping[str, tuple[str, ...]] = {
    "commodity": ("商品房小区", "商品房", "商品小区", "商品住宅小区"),
    "old_courtyard": ("老旧院落", "老旧小区", "院落", "老院落"),
    "hutong": ("胡同/平房片区", "胡同", "平房片区", "平房", "胡同平房"),
    "unit_compound": ("单位大院", "单位小区", "单位宿舍", "单位院落"),
    "resettlement": ("安置小区", "拆迁安置小区", "安置房", "保障房小区"),
    "villager_group": ("村(居)民小组", "村民小组", "居民小组", "村组"),
    "other": ("其他",),
}
#: Compound.managementMode and MANAGES.mode: 物业服务方式
MANAGEMENT_MODES: Mapping[str, tuple[str, ...]] = {
    "company": ("物业服务企业", "物业公司", "专业物业", "专业化物业", "物业企业"),
    "unit": ("单位自管", "产权单位自管"),
    "residents": ("居民自管", "业主自管", "自治管理", "居民自治"),
    "none": ("无物业", "无", "无物业管理", "无人管理"),
}
#: OwnersCommittee.committeeType: 业主委员会 or 物业管理委员会 (set up where owners could not elect one)
COMMITTEE_TYPES: Mapping[str, tuple[str, ...]] = {
    "owners_committee": ("业主委员会", "业委会"),
    "management_committee": ("物业管理委员会", "物管会"),
}
#: WorkOrder.category: 12345 hotline 问题类别 (raw kept in ``categoryRaw``; an unknown word becomes ``other``)
WORK_ORDER_CATEGORIES: Mapping[str, tuple[str, ...]] = {
    "property": ("物业管理", "物业", "物业服务", "物业纠纷", "物业收费"),
    "environment": ("环境卫生", "环境", "垃圾清运", "卫生"),
    "noise": ("噪音", "噪声", "噪音扰民"),
    "parking": ("停车", "停车管理", "乱停车", "停车难"),
    "safety": ("安全隐患", "安全", "消防安全"),
    "facilities": ("公共设施", "设施维修", "电梯", "加装电梯", "供水供电"),
    "neighbour": ("邻里纠纷", "邻里"),
    "other": ("其他",),
}
#: WorkOrder.status: 办理状态
WORK_ORDER_STATUSES: Mapping[str, tuple[str, ...]] = {
    "closed": ("办结", "已办结", "已完成", "结案"),
    "in_progress": ("在办", "办理中", "处理中", "已派单"),
    "returned": ("退回", "已退回", "回退"),
    "pending": ("待受理", "待派单", "已受理"),
}
#: WorkOrder.satisfaction: 满意度 of the return visit
SATISFACTION: Mapping[str, tuple[str, ...]] = {
    "satisfied": ("满意", "非常满意"),
    "basic": ("基本满意", "一般"),
    "unsatisfied": ("不满意", "非常不满意"),
    "unrated": ("未评价", "未回访", "无"),
}
#: the five steps of the 五步工作法, in order (rules: queries/five_step.py, docs/five-step.md)
FIVE_STEPS: Mapping[str, tuple[str, ...]] = {
    "find_members": ("找党员",),
    "build_org": ("建组织",),
    "improve_mechanism": ("优机制",),
    "pool_forces": ("聚合力",),
    "plant_culture": ("植文化",),
}
#: a five-step status
STEP_STATUSES: Mapping[str, tuple[str, ...]] = {"done": ("已完成",), "partial": ("部分完成",), "missing": ("未开展",)}


def word_map(table: Mapping[K, tuple[str, ...]], with_keys: bool = True) -> dict[str, K]:
    """Every word of ``table`` -> its key (the keys themselves too, when they are text and ``with_keys``)."""
    out = {w: key for key, words in table.items() for w in words}
    if with_keys:  # after the words: a reject message lists the words users write first
        for key in table:
            if isinstance(key, str):
                out[key] = key
    return out
