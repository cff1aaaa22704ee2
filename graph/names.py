"""Short display names (``shortName``): the telling end of a long Chinese name, for captions and labels.

Neo4j Browser cuts a caption to a few characters, and the telling part of a Chinese organization or area name
is at its end: ``中共成都市武侯区浆洗街街道洗面桥社区委员会`` is the ``洗面桥社区党委``, ``洗面桥社区第三网格`` is
``第3网格``. Ingest stores the short name next to the full one; the full name stays the reference.

Enterprises, public units and social organizations (:func:`org_short_name`): the region before the name (四川省,
成都市, 武侯区, and a bracketed ``（成都）``) and the legal form after it (股份有限公司, 有限责任公司, 有限公司) are
dropped — ``四川景杏企业管理咨询股份有限公司`` → ``景杏企业管理咨询``, ``成都市武侯区麒隆书画协会`` → ``麒隆书画协会``;
what is left must keep at least two characters, else the full name is kept. Resources (:func:`resource_short_name`):
a name that starts with its provider's name keeps what follows (``成都优致物流有限公司课后辅导`` → ``课后辅导``, the
provider stands next to it in a graph); any other name gets the organization rule, with the legal form dropped
where it stands.
"""

from __future__ import annotations

import re

_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_GRID = re.compile(r"第([0-9〇零一二两三四五六七八九十百]+)网格")
_DIVISION_SUFFIXES = ("居民委员会", "村民委员会", "居委会", "村委会")
#: party organization name endings -> the short form people say
_PARTY_SUFFIXES = (("工作委员会", "党工委"), ("总支部委员会", "党总支"), ("联合支部委员会", "联合党支部"),
                   ("支部委员会", "党支部"), ("委员会", "党委"), ("总支部", "党总支"), ("联合支部", "联合党支部"))
_CITY = re.compile(r"^[^市]{1,6}市")
_PROVINCE = re.compile(r"^(?:四川省|四川)")
_REGION_HEAD = re.compile(r"^(?:四川省|四川|成都市|成都)")
_BRACKETED_REGION = re.compile(r"[（(](?:四川|成都|中国|[^（）()]{1,5}[省市区县])[）)]")
_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司")
_DISTRICT = re.compile(r"^[^区县市]{1,5}(?<!社)(?:区|县)")  # 武侯区, not 玉林北路社区


def chinese_number(text: str) -> int | None:
    """``三`` → 3, ``十二`` → 12, ``二十`` → 20, ``12`` → 12 (up to 999); None when it is not a number."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS or ch == "〇":
            current = _DIGITS.get(ch, 0)
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def _grid_part(name: str) -> str | None:
    m = _GRID.search(name)
    if not m:
        return None
    n = chinese_number(m.group(1))
    return f"第{n}网格" if n is not None else m.group(0)


def grid_short_name(name: str) -> str:
    """``洗面桥社区第三网格`` → ``第3网格``; a name without ``第…网格`` keeps what follows its community."""
    part = _grid_part(name)
    if part:
        return part
    return name.rsplit("社区", 1)[-1] or name


def division_short_name(name: str) -> str:
    """``洗面桥社区居委会`` → ``洗面桥社区``; ``浆洗街街道办事处`` → ``浆洗街街道``."""
    for suffix in _DIVISION_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    if name.endswith("街道办事处"):
        return name[: -len("办事处")]
    return name


def party_short_name(name: str) -> str:
    """``中共成都市武侯区浆洗街街道洗面桥社区委员会`` → ``洗面桥社区党委``; a grid branch → ``第1网格党支部``."""
    rest = name.removeprefix("中共")
    rest = _CITY.sub("", rest, count=1)
    rest = _DISTRICT.sub("", rest, count=1) or rest
    suffix_short = ""
    for long, short in _PARTY_SUFFIXES:
        if rest.endswith(long):
            rest, suffix_short = rest[: -len(long)], short
            break
    grid = _grid_part(rest)
    if grid and rest.endswith(grid[-2:]):
        return grid + suffix_short
    if "社区" in rest and "街道" in rest.split("社区", 1)[0]:  # 浆洗街街道洗面桥社区 -> 洗面桥社区
        rest = rest.split("街道", 1)[1]
    return (rest + suffix_short) or name


def _shorter(name: str, short: str) -> str:
    """``short`` when it keeps at least two characters, else ``name``."""
    short = short.strip()
    return short if len(short) >= 2 else name


def _strip_region(name: str) -> str:
    rest = _BRACKETED_REGION.sub("", name)
    rest = _REGION_HEAD.sub("", rest, count=1)
    rest = _DISTRICT.sub("", rest, count=1)
    return rest


def org_short_name(name: str) -> str:
    """``四川景杏企业管理咨询股份有限公司`` → ``景杏企业管理咨询``; ``成都市武侯区麒隆书画协会`` → ``麒隆书画协会``."""
    rest = _strip_region(name)
    for form in _LEGAL_FORMS:
        if rest.endswith(form):
            rest = rest[: -len(form)]
            break
    return _shorter(name, rest)


def resource_short_name(name: str, provider: str | None = None) -> str:
    """``成都优致物流有限公司课后辅导`` with provider ``成都优致物流有限公司`` → ``课后辅导``; without the provider's
    name at its start, the organization rule with the legal form dropped where it stands."""
    if provider and name.startswith(provider) and len(name) - len(provider) >= 2:
        return name[len(provider):]
    rest = _strip_region(name)
    for form in _LEGAL_FORMS:
        rest = rest.replace(form, "", 1) if form in rest else rest
    return _shorter(name, rest)
