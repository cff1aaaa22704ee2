"""Word lists and name builders for invented (clearly fake) organizations, people and addresses."""

from __future__ import annotations

import random

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建红文辉力宇婷雪琳晨浩欣怡然子涵梓轩博睿佳"
         "琪雨萱思远嘉鑫蓉川蜀锦蓓")
# trade-name (字号) syllables: two of them make 25,600 distinct trade names, three make millions
SYLLABLES = ("锦蜀川华天府宏鑫瑞祥恒泰嘉禾盛源达通和兴隆安康顺景泽晟昊宸煜麒麟凤凰银杏芙蓉青城峨眉岷江"
             "浣花望江玉林红星金沙新希望科创汇智博远卓越创新东方西部南星北辰中和永丰富民利民惠众众诚信德"
             "仁义礼智雅致明道正大同心合力长虹彩云星河海川山水竹林松柏梅兰菊荷桂橙柚桃李杏梨果蔬乐享优品")
SYLLABLES = "".join(dict.fromkeys(SYLLABLES))  # de-duplicated, order kept (determinism)

# (行业词, GB/T 4754 门类, typical 经营范围)
INDUSTRIES: tuple[tuple[str, str, str], ...] = (
    ("科技", "I", "软件开发；信息技术咨询服务；网络技术服务"),
    ("信息技术", "I", "信息系统集成服务；数据处理和存储支持服务"),
    ("网络科技", "I", "互联网信息服务；软件开发"),
    ("餐饮管理", "H", "餐饮服务；食品销售；餐饮管理"),
    ("火锅", "H", "餐饮服务；食品经营"),
    ("商贸", "F", "日用百货销售；五金产品零售；服装服饰零售"),
    ("贸易", "F", "货物进出口；食品销售；建筑材料销售"),
    ("超市", "F", "食品销售；日用品销售；烟草制品零售"),
    ("建筑工程", "E", "建设工程施工；住宅室内装饰装修"),
    ("装饰工程", "E", "住宅室内装饰装修；建筑装饰材料销售"),
    ("物业管理", "K", "物业管理；停车场服务；家政服务"),
    ("房地产经纪", "K", "房地产经纪；房地产咨询"),
    ("文化传播", "R", "组织文化艺术交流活动；广告制作；会议及展览服务"),
    ("教育咨询", "P", "教育咨询服务（不含涉许可审批的教育培训活动）"),
    ("医药", "F", "药品零售；医疗器械销售"),
    ("健康管理", "Q", "健康咨询服务；养老服务；护理机构服务"),
    ("养老服务", "Q", "养老服务；居家养老服务；助餐服务"),
    ("家政服务", "O", "家政服务；洗染服务；居民日常生活服务"),
    ("汽车服务", "O", "机动车修理和维护；汽车零配件零售"),
    ("物流", "G", "道路货物运输；普通货物仓储服务"),
    ("律师事务咨询", "L", "法律咨询（不含律师执业）；企业管理咨询"),
    ("企业管理咨询", "L", "企业管理咨询；市场营销策划"),
    ("广告", "L", "广告设计、代理；广告发布"),
    ("酒店管理", "H", "住宿服务；酒店管理"),
    ("体育发展", "R", "体育健康服务；组织体育表演活动"),
    ("印务", "C", "包装装潢印刷品印刷；文件、资料等其他印刷品印刷"),
    ("食品", "C", "食品生产；食品销售"),
    ("环保科技", "N", "环境保护监测；固体废物治理"),
    ("人力资源", "L", "人力资源服务；劳务派遣服务"),
    ("金融信息服务", "J", "金融信息服务；融资咨询服务"),
)
COMPANY_FORMS = ("有限公司", "有限责任公司", "有限公司", "股份有限公司")
ENTERPRISE_TYPES = ("有限责任公司（自然人投资或控股）", "有限责任公司（自然人独资）",
                    "股份有限公司（非上市、自然人投资或控股）", "有限责任公司分公司（自然人投资或控股）",
                    "个人独资企业", "普通合伙企业")
ROADS = ("一环路南一段", "二环路南四段", "人民南路四段", "科华北路", "玉林北路", "武侯祠大街", "高升桥路", "佳灵路",
         "双楠大道", "龙腾西路", "航空路", "置信北街", "芳草街", "倪家桥路", "致民路", "红牌楼路", "簇锦北路",
         "晋阳路", "永丰路", "洗面桥街", "盐道街", "锦绣路", "天府大道北段", "新光路", "桐梓林北路")
CN_ORD = ("", "第二", "第三", "第四", "第五", "第六", "第七", "第八", "第九", "第十")


def person_name(rng: random.Random) -> str:
    """A fake two- or three-character personal name."""
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def phone(rng: random.Random) -> str:
    """A fake 11-digit mobile number in the 170/171 virtual-operator ranges."""
    return f"17{rng.choice('01')}{rng.randrange(10**8):08d}"


def trade_name(n: int) -> tuple[str, int]:
    """The ``n``-th trade name (two or three syllables) and the digit left over for further choices.

    Returns:
        (trade name, remaining quotient): distinct ``n`` give distinct (name, remainder) pairs.
    """
    s = len(SYLLABLES)
    n, a = divmod(n, s)
    n, b = divmod(n, s)
    return SYLLABLES[a] + SYLLABLES[b], n


def address(rng: random.Random, district: str, street: str, community: str) -> str:
    """A postal address naming the real district, street and community (what address placement matches)."""
    return (f"四川省成都市{district}{street}{community}{rng.choice(ROADS)}{rng.randint(1, 399)}号"
            + (f"{rng.randint(1, 30)}栋{rng.randint(1, 3)}单元" if rng.random() < 0.3 else ""))
