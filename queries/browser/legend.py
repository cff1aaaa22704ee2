"""The colour legend of the Browser guide, read from the GraSS style so the two never disagree."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

STYLE_FILE = "gridlink.grass"
_RULE = re.compile(r"node\.([A-Za-z]+)\s*\{([^}]*)\}")
_COLOR = re.compile(r"(?<![-\w])color:\s*(#[0-9A-Fa-f]{6})")

#: the labels the legend explains, in the order an analyst meets them: (label, its name as people say it, what
#: it is) — both English msgids; the guide shows the name first (企业), then the label Browser shows (Enterprise)
LEGEND: tuple[tuple[str, str, str], ...] = (
    ("Division", "division", "city, district, street (街道), community (社区)"),
    ("Grid", "grid", "a community's grid (网格)"),
    ("PartyOrganization", "party organization", "party organization (党委/党工委/党支部)"),
    ("Enterprise", "enterprise", "enterprise (企业)"),
    ("PublicUnit", "public unit", "public unit (机关/事业单位)"),
    ("SocialOrganization", "social organization", "social organization (社会组织)"),
    ("Resource", "resource", "resource list entry (资源清单)"),
    ("Need", "need", "need list entry (需求清单)"),
    ("Project", "project", "project list entry (项目清单)"),
    ("Alliance", "alliance", "alliance (大党委/大工委/联盟)"),
    ("Agreement", "agreement", "co-construction agreement (共建协议)"),
    ("Department", "department", "street office department (职能部门, 包联)"),
)


@lru_cache(maxsize=1)
def style_text() -> str:
    """The GraSS style shipped in ``queries/browser/gridlink.grass``."""
    return resources.files("queries.browser").joinpath(STYLE_FILE).read_text(encoding="utf-8")


def label_colours() -> dict[str, str]:
    """Each styled label's node colour (``#RRGGBB``), from the GraSS style."""
    out: dict[str, str] = {}
    for label, body in _RULE.findall(style_text()):
        m = _COLOR.search(body)
        if m:
            out[label] = m.group(1).upper()
    return out
