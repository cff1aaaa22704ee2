"""The domain vocabulary, declared once: resource categories, statuses, organization and party kinds, code shapes.

Every other copy is derived from here: the ingest value maps (registry words -> keys, :mod:`ingest.vocab`), the
API's allowed values and pydantic literals (:mod:`api.args`, :mod:`api.inputs`), and the tables of
``graph/MODEL.md`` (checked by a test). ``tests/graph/test_vocab.py`` fails when a copy of a list appears elsewhere.

Each table maps a key (what the graph stores) to the words registries and users write for it, the first word
being the one shown to users.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

K = TypeVar("K", str, int)

#: resource/need categories (shared by resources and needs): key -> Chinese words, the first is the label
CATEGORIES: Mapping[str, tuple[str, ...]] = {
    "venue": ("场地阵地", "场地", "阵地"),
    "volunteer": ("志愿服务", "志愿者"),
    "funding": ("资金",),
    "legal": ("法律服务", "法律", "法律援助"),
    "medical": ("医疗健康", "医疗", "健康医疗"),
    "education": ("教育辅导", "教育"),
    "elderly": ("养老服务", "养老"),
    "childcare": ("托育",),
    "disability": ("助残",),
    "hardship": ("困难帮扶",),
    "mediation": ("矛盾调解",),
    "environment": ("环境整治",),
    "safety": ("治安巡逻",),
    "culture": ("文体活动",),
    "employment": ("就业岗位", "就业"),
    "equipment": ("设备物资", "物资"),
    "training": ("培训讲座",),
    "convenience": ("便民服务",),
    "other": ("其他",),
}
CATEGORY_KEYS: tuple[str, ...] = tuple(CATEGORIES)

#: Organization.status: key -> 登记状态 wordings of the enterprise, social-organization and public-unit registries
#: (wording differs by province and registry; bracketed forms are folded by :func:`status_words` callers)
ORG_STATUSES: Mapping[str, tuple[str, ...]] = {
    # enterprise registry (国家企业信用信息公示系统): 存续（在营、开业、在册）, 在业, 迁入…; social organizations
    # (民政 登记状态): 正常, 成立登记; public units (事业单位法人登记): 正常, 有效, 设立登记
    "ACTIVE": ("存续", "开业", "正常", "登记", "确立", "在业", "在营", "经营", "在营在册", "有效", "在册", "迁入",
               "active", "存续(在营、开业、在册)", "在营(开业)企业", "在营(开业)", "在营企业", "开业企业", "存续在营",
               "成立", "成立登记", "设立", "设立登记", "已登记", "登记成立", "正常经营", "在营(在册)"),
    "REVOKED": ("吊销", "吊销,未注销", "吊销，未注销", "吊销未注销", "已吊销", "吊销,已注销", "吊销，已注销", "撤销",
                "已撤销", "revoked", "吊销(未注销)", "吊销营业执照", "撤销登记", "已撤销登记", "吊销登记证书",
                "吊销证书", "吊销事业单位法人证书"),
    "CANCELLED": ("注销", "已注销", "注吊销", "cancelled", "canceled", "注销登记", "已注销登记", "注销企业",
                  "注销(已吊销)"),
    "MOVED": ("迁出", "已迁出", "moved"),
    "SUSPENDED": ("停业", "歇业", "suspended"),
    "LIQUIDATING": ("清算", "清算中", "liquidating"),
    "UNKNOWN": (),
}
ORG_STATUS_KEYS: tuple[str, ...] = tuple(ORG_STATUSES)

#: Organization.kind: key -> the Chinese name
ORG_KINDS: Mapping[str, tuple[str, ...]] = {
    "enterprise": ("企业",), "public_unit": ("机关事业单位",), "social_org": ("社会组织",), "party_org": ("党组织",),
}

#: Organization.orgType of social organizations (社会组织类型) and public units (单位类别): the registries' types;
#: a word outside these is rejected (the enterprise registry's 企业类型 is open text: 有限责任公司(自然人投资或控股)…)
SOCIAL_ORG_TYPES: Mapping[str, tuple[str, ...]] = {
    "社会团体": ("社团",), "民办非企业单位": ("民办非企业", "民非"), "社会服务机构": (),
    "基金会": ("公募基金会", "非公募基金会"),
}
PUBLIC_UNIT_TYPES: Mapping[str, tuple[str, ...]] = {
    "机关": ("机关单位", "行政机关", "党政机关", "机关法人", "群团机关"), "事业单位": ("事业单位法人", "事业"),
}

#: Organization.industry: GB/T 4754-2017 sections (门类), letter -> name; finer codes (大类 ``I65``, ``6513``) are
#: stored as written
INDUSTRY_SECTIONS: Mapping[str, tuple[str, ...]] = {
    "A": ("农、林、牧、渔业",), "B": ("采矿业",), "C": ("制造业",), "D": ("电力、热力、燃气及水生产和供应业",),
    "E": ("建筑业",), "F": ("批发和零售业",), "G": ("交通运输、仓储和邮政业",), "H": ("住宿和餐饮业",),
    "I": ("信息传输、软件和信息技术服务业",), "J": ("金融业",), "K": ("房地产业",), "L": ("租赁和商务服务业",),
    "M": ("科学研究和技术服务业",), "N": ("水利、环境和公共设施管理业",), "O": ("居民服务、修理和其他服务业",),
    "P": ("教育",), "Q": ("卫生和社会工作",), "R": ("文化、体育和娱乐业",), "S": ("公共管理、社会保障和社会组织",),
    "T": ("国际组织",),
}
#: a GB/T 4754 code: a section letter, a letter and 2-4 digits, or 2-4 digits
INDUSTRY_CODE_PATTERN = r"^(?:[A-T]|[A-T]?\d{2,4})$"

#: PartyOrganization.category: the five categories (stored as the Chinese word) and the words exports use
PARTY_CATEGORIES: Mapping[str, tuple[str, ...]] = {
    "党委": ("基层党委",), "党工委": ("街道党工委",), "党总支": ("党总支部", "总支"), "党支部": ("支部", "小区党支部"),
    "联合党支部": ("联合支部",), "党小组": ("楼栋党小组", "小区党小组"),
    # enlarged committees (三级联动, issue #13): the base committee enlarged with part-time members (兼职委员)
    "大工委": ("街道大工委",), "大党委": ("社区大党委",),
}

NEED_STATUSES: Mapping[str, tuple[str, ...]] = {
    "open": ("待认领", "发布"), "claimed": ("已认领",), "closed": ("已关闭", "关闭", "已完成"),
}
PROJECT_STATUSES: Mapping[str, tuple[str, ...]] = {
    "claimed": ("已认领",), "in_progress": ("实施中", "进行中"), "delivered": ("已交付",), "accepted": ("已验收",),
}
RESOURCE_STATUSES: Mapping[str, tuple[str, ...]] = {"available": ("可用",), "withdrawn": ("撤回", "停用")}
#: PartyMember.status
MEMBER_STATUSES: Mapping[str, tuple[str, ...]] = {
    "normal": ("正常",), "flowing": ("流动", "流动党员"), "pocket": ("口袋", "口袋党员"),
    "hidden": ("隐形", "隐身", "隐形党员"),
}
#: PartyMember.ageBand (issue #13): key -> (lowest age, highest age or None), both inclusive, in whole years at
#: ``ageBandOn``. The band is all that is kept of a birth date (read from 出生日期 or the ID number before hashing).
AGE_BANDS: Mapping[str, tuple[int, int | None]] = {
    "<35": (0, 34), "35-45": (35, 45), "46-59": (46, 59), "60-69": (60, 69), "70+": (70, None),
}
#: Alliance.kind
ALLIANCE_KINDS: Mapping[str, tuple[str, ...]] = {
    "community_committee": ("社区大党委",), "street_committee": ("街道大工委",), "regional": ("区域化党建联盟",),
}
#: MEMBER_OF.type of a membership row
MEMBERSHIP_TYPES: Mapping[str, tuple[str, ...]] = {
    "committee": ("兼职委员",), "alliance": ("联盟成员",), "dual_report": ("双报到",),
}

# ---- three-level linkage (三级联动, issue #13; rules: queries/linkage_rules.py, docs/linkage.md) ----------------

#: enlarged committee category -> (the category of the base committee it ENLARGES, the level of the area led)
ENLARGED_COMMITTEES: Mapping[str, tuple[str, str]] = {"大工委": ("党工委", "street"), "大党委": ("党委", "community")}
#: PART_TIME_MEMBER_OF.role: the seat a resident unit's leader holds on an enlarged committee
COMMITTEE_ROLES: Mapping[str, tuple[str, ...]] = {
    "part_time_member": ("兼职委员", "委员"),
    "part_time_deputy_secretary": ("兼职副书记", "副书记"),
}
#: Department.type: the street office's departments (职能部门) that take 包联 responsibility for communities
DEPARTMENT_TYPES: Mapping[str, tuple[str, ...]] = {
    "party_building": ("党建办", "党建工作办公室", "党群工作办公室", "党建工作部"),
    "community_governance": ("社区发展治理办", "社区发展治理办公室", "社治办", "社区建设办公室"),
    "comprehensive_governance": ("综治中心", "综合治理中心", "平安建设办公室", "综治办"),
    "civil_affairs": ("民政和社会保障办", "民生服务办公室", "社会事务办"),
    "urban_management": ("城市管理办", "城市管理办公室", "城管办", "城市管理科"),
    "service_center": ("便民服务中心", "党群服务中心", "政务服务中心"),
    "economy": ("经济发展办", "经济发展办公室", "经发办"),
    "other": ("其他",),
}
#: the secretaries of the three-level responsibility system (三级联动责任体系), by level
SECRETARY_ROLES: Mapping[str, tuple[str, ...]] = {
    "street_secretary": ("街道党（工）委书记",), "community_secretary": ("社区党组织书记",),
    "grid_secretary": ("网格党支部书记",),
}
#: RESPONSIBLE_FOR.role: who in a department answers for a community or grid (包联)
RESPONSIBLE_ROLES: Mapping[str, tuple[str, ...]] = {
    "head": ("负责人", "主任", "部门负责人", "部长"),
    "deputy_head": ("副主任", "副部长", "分管副主任"),
    "liaison_cadre": ("包联干部", "联络员", "工作人员", "干部"),
}

#: Agreement.type (协议类型): a co-construction agreement with a community or street (the default), or the joint
#: mechanism of a compound's party organization, owners' committee and property company (三方联动/联席会议: the
#: 优机制 step of the five steps, docs/five-step.md)
AGREEMENT_TYPES: Mapping[str, tuple[str, ...]] = {
    "co_construction": ("共建协议", "结对共建协议", "结对共建", "共建"),
    "joint_mechanism": ("三方联动协议", "三方联动", "联席会议协议", "联席会议制度", "三方协议", "红色物业协议",
                        "联动机制"),
}
#: Need.urgency: 3 high .. 1 low
URGENCY: Mapping[int, tuple[str, ...]] = {3: ("高", "紧急", "3"), 2: ("中", "一般", "2"), 1: ("低", "1")}

#: a 12-digit statistical division code (the key of Division)
DIVISION_CODE_PATTERN = r"^\d{12}$"
#: a grid code or grid scheme: 1-40 letters, digits, ``_`` or ``-``
GRID_CODE_PATTERN = r"^[0-9A-Za-z_-]{1,40}$"
#: a unified social credit code's shape (GB 32100-2015: 31 characters, no I, O, Z, S, V)
USCC_PATTERN = r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$"


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


# ---- community typology (issue #13 part 3): filters and splits wherever areas are listed -----------------------

#: Division.urbanRural: the NBS 城乡分类代码 of a village-level (or township) division; a divisions table carrying
#: another value has the row rejected
URBAN_RURAL_CLASSES: Mapping[str, tuple[str, ...]] = {
    "111": ("主城区",), "112": ("城乡结合区",), "121": ("镇中心区",), "122": ("镇乡结合区",), "123": ("特殊区域",),
    "210": ("乡中心区",), "220": ("村庄",),
}
#: Division.communityType: given by the divisions table (社区类型) or derived from the compounds
#: (queries/typology.py, docs/indicators.md)
COMMUNITY_TYPES: Mapping[str, tuple[str, ...]] = {
    "commodity": ("商品房社区", "商品房小区社区"),
    "old_courtyard": ("老旧院落社区", "老旧小区社区", "院落社区"),
    "unit_compound": ("单位型社区", "单位社区"),
    "resettled": ("村改居社区", "农转城社区", "安置社区"),
    "mixed": ("混合型", "混合型社区", "混合社区"),
    "village": ("村", "行政村"),
}
#: the community type a compound type speaks for when it holds most households (``other``: none)
COMPOUND_COMMUNITY_TYPE: Mapping[str, str] = {
    "commodity": "commodity", "old_courtyard": "old_courtyard", "hutong": "old_courtyard",
    "unit_compound": "unit_compound", "resettlement": "resettled", "villager_group": "resettled",
}


def word_map(table: Mapping[K, tuple[str, ...]], with_keys: bool = True) -> dict[str, K]:
    """Every word of ``table`` -> its key (the keys themselves too, when they are text and ``with_keys``)."""
    out = {w: key for key, words in table.items() for w in words}
    if with_keys:  # after the words: a reject message lists the words users write first
        for key in table:
            if isinstance(key, str):
                out[key] = key
    return out
