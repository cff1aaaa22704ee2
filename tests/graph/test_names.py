"""Short display names: the telling end of long Chinese names (graph/names.py), as the demo's names look."""

from __future__ import annotations

import pytest

from graph.names import (
    chinese_number,
    division_short_name,
    grid_short_name,
    org_short_name,
    party_short_name,
    resource_short_name,
)


@pytest.mark.parametrize(("name", "short"), [
    ("中共成都市武侯区浆洗街街道工作委员会", "浆洗街街道党工委"),
    ("中共成都市武侯区浆洗街街道洗面桥社区委员会", "洗面桥社区党委"),
    ("中共玉林北路社区委员会", "玉林北路社区党委"),
    ("中共浆洗街街道洗面桥社区第三网格支部委员会", "第3网格党支部"),
    ("中共浆洗街街道洗面桥社区第十二网格支部委员会", "第12网格党支部"),
    ("中共成都市武侯区沙子堰社区第1联合支部委员会", "沙子堰社区第1联合党支部"),
    ("中共成都市武侯区人民政府浆洗街街道办事处总支部委员会", "人民政府浆洗街街道办事处党总支"),
    ("中共成都凤正科技有限公司委员会", "成都凤正科技有限公司党委"),
    ("某某党支部", "某某党支部"),
])
def test_party_short_names(name: str, short: str) -> None:
    assert party_short_name(name) == short


def test_grid_and_division_short_names() -> None:
    assert grid_short_name("洗面桥社区第三网格") == "第3网格"
    assert grid_short_name("洗面桥社区第二十网格") == "第20网格"
    assert grid_short_name("洗面桥社区北区") == "北区"
    assert division_short_name("洗面桥社区居委会") == "洗面桥社区"
    assert division_short_name("某村村民委员会") == "某村"
    assert division_short_name("浆洗街街道办事处") == "浆洗街街道"
    assert division_short_name("武侯区") == "武侯区"


@pytest.mark.parametrize(("text", "n"), [("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105),
                                         ("12", 12), ("第", None)])
def test_chinese_numbers(text: str, n: int | None) -> None:
    assert chinese_number(text) == n


@pytest.mark.parametrize(("name", "short"), [
    ("四川景杏企业管理咨询股份有限公司", "景杏企业管理咨询"),
    ("兰梨（成都）环保科技有限公司", "兰梨环保科技"),
    ("成都河泰装饰工程有限责任公司", "河泰装饰工程"),
    ("成都市武侯区麒隆书画协会", "麒隆书画协会"),
    ("成都市武侯区泰长养老服务中心", "泰长养老服务中心"),
    ("武侯区人民医院", "人民医院"),
    ("中国移动通信集团四川有限公司", "中国移动通信集团四川"),
    ("有限公司", "有限公司"),  # nothing would be left: the full name stays
])
def test_organization_short_names(name: str, short: str) -> None:
    assert org_short_name(name) == short


def test_resource_short_names() -> None:
    assert resource_short_name("成都优致物流有限公司课后辅导", "成都优致物流有限公司") == "课后辅导"
    assert resource_short_name("成都河泰装饰工程有限责任公司家电维修") == "河泰装饰工程家电维修"
    assert resource_short_name("三楼会议室", "成都某某有限公司") == "三楼会议室"
    assert resource_short_name("成都某某有限公司室", "成都某某有限公司") == "某某室"  # one character left: org rule
