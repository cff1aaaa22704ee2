"""Controlled vocabularies: registry words -> the enums of graph/MODEL.md.

Lookups are exact after sanitizing; a user mapping file can add words (``values:`` in the YAML) before these.
"""

from __future__ import annotations

#: 登记状态 (registration status) -> Organization.status; wording differs by province
ORG_STATUS: dict[str, str] = {
    **dict.fromkeys(["存续", "开业", "正常", "登记", "确立", "在业", "在营", "经营", "在营在册", "有效",
                     "在册", "迁入", "active"], "ACTIVE"),
    **dict.fromkeys(["吊销", "吊销,未注销", "吊销，未注销", "吊销未注销", "已吊销", "吊销,已注销", "吊销，已注销",
                     "撤销", "已撤销", "revoked"], "REVOKED"),
    **dict.fromkeys(["注销", "已注销", "注吊销", "cancelled", "canceled"], "CANCELLED"),
    **dict.fromkeys(["迁出", "已迁出", "moved"], "MOVED"),
    **dict.fromkeys(["停业", "歇业", "suspended"], "SUSPENDED"),
    **dict.fromkeys(["清算", "清算中", "liquidating"], "LIQUIDATING"),
}

CATEGORIES: dict[str, str] = {
    "场地阵地": "venue", "场地": "venue", "阵地": "venue", "志愿服务": "volunteer", "志愿者": "volunteer",
    "资金": "funding", "法律服务": "legal", "法律": "legal", "法律援助": "legal", "医疗健康": "medical",
    "医疗": "medical", "健康医疗": "medical", "教育辅导": "education", "教育": "education", "养老服务": "elderly",
    "养老": "elderly", "托育": "childcare", "助残": "disability", "困难帮扶": "hardship", "矛盾调解": "mediation",
    "环境整治": "environment", "治安巡逻": "safety", "文体活动": "culture", "就业岗位": "employment",
    "就业": "employment", "设备物资": "equipment", "物资": "equipment", "培训讲座": "training",
    "便民服务": "convenience", "其他": "other",
}
CATEGORY_KEYS = frozenset(CATEGORIES.values())

PARTY_CATEGORIES = frozenset(["党委", "党工委", "党总支", "党支部", "联合党支部", "党小组"])
PARTY_CATEGORY_ALIASES = {"基层党委": "党委", "党总支部": "党总支", "总支": "党总支", "支部": "党支部",
                          "联合支部": "联合党支部", "街道党工委": "党工委", "楼栋党小组": "党小组",
                          "小区党小组": "党小组", "小组": "党小组", "小区党支部": "党支部"}

NEED_STATUS = {"待认领": "open", "发布": "open", "open": "open", "已认领": "claimed", "claimed": "claimed",
               "已关闭": "closed", "关闭": "closed", "已完成": "closed", "closed": "closed"}
PROJECT_STATUS = {"已认领": "claimed", "claimed": "claimed", "实施中": "in_progress", "进行中": "in_progress",
                  "in_progress": "in_progress", "已交付": "delivered", "delivered": "delivered",
                  "已验收": "accepted", "accepted": "accepted"}
URGENCY = {"高": 3, "紧急": 3, "中": 2, "一般": 2, "低": 1, "3": 3, "2": 2, "1": 1}
MEMBER_STATUS = {"正常": "normal", "normal": "normal", "流动": "flowing", "流动党员": "flowing",
                 "flowing": "flowing", "口袋": "pocket", "口袋党员": "pocket", "pocket": "pocket",
                 "隐形": "hidden", "隐身": "hidden", "隐形党员": "hidden", "hidden": "hidden"}
RESOURCE_STATUS = {"可用": "available", "available": "available", "撤回": "withdrawn", "停用": "withdrawn",
                   "withdrawn": "withdrawn"}
ALLIANCE_KINDS = {"社区大党委": "community_committee", "街道大工委": "street_committee",
                  "区域化党建联盟": "regional", "community_committee": "community_committee",
                  "street_committee": "street_committee", "regional": "regional"}
MEMBERSHIP_TYPES = {"兼职委员": "committee", "联盟成员": "alliance", "双报到": "dual_report",
                    "committee": "committee", "alliance": "alliance", "dual_report": "dual_report"}


def category_key(word: str) -> str | None:
    """A category key from its Chinese word or the key itself; ``None`` when unknown."""
    if word in CATEGORY_KEYS:
        return word
    return CATEGORIES.get(word) or CATEGORIES.get(word.rstrip("类"))
