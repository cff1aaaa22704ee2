"""The gaps of the three-level linkage (三级联动, issue #13), written once: their codes, the 挂名 window, the Chinese
message of each gap.

The chain is 街道大工委 → 社区大党委 → 网格党支部: each enlarged committee (category 大工委/大党委) ENLARGES the base
committee that LEADS its street or community. ``coconstruction_chain.cypher`` finds the gaps with the parameters
:func:`params` gives; docs/linkage.md states the same rules for planners (a test keeps the codes there equal to
:data:`GAPS`). The rules:

- ``NO_STREET_COMMITTEE`` / ``NO_COMMUNITY_COMMITTEE``: no party organization LEADS the street / community.
- ``COMMUNITY_NOT_LINKED_TO_STREET``: the community committee is not SUBORDINATE_TO the street's.
- ``NO_GRID_BRANCH`` / ``GRID_BRANCH_NOT_LINKED_TO_COMMUNITY``: the same one level down.
- ``NO_ENLARGED_COMMITTEE``: the street or community has a committee, but no 大工委/大党委 ENLARGES it.
- ``NO_PART_TIME_MEMBERS``: an enlarged committee without a single part-time member (兼职委员, PART_TIME_MEMBER_OF).
- ``NO_RESPONSIBLE_DEPARTMENT``: no department of the street office is RESPONSIBLE_FOR (包联) the community or one
  of its grids.
- ``PART_TIME_MEMBER_INACTIVE`` (挂名, "on paper only"): a part-time member's unit shows no activity in the
  :data:`ACTIVE_MONTHS` months up to the day asked about (``asOf``, both ends included). Activity is any of: a
  project it leads (LED_BY) or that uses a resource it provides, with a start, delivery or acceptance date in the
  window; a resource it provides (not withdrawn) whose availability overlaps the window (a missing start or end
  date is open: a resource listed without dates is a standing offer and counts); a co-construction agreement it
  signed (SIGNED_BY) that was signed by the end of the window and runs to its start or later (``validTo``;
  without one, the signing day must be in the window).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from graph import vocab

#: months of the 挂名 window, counted back from ``asOf``
ACTIVE_MONTHS = 12
#: whether unit ``u`` was active between ``since`` and ``asOf`` (the rule above), as Cypher; the same words decide
#: 挂名 part-time members and the active resident units of the indicators (docs/indicators.md)
UNIT_ACTIVE = """EXISTS { MATCH (u)<-[:LED_BY]-(p:Project)
               WHERE any(d IN [p.startedOn, p.deliveredOn, p.acceptedOn] WHERE since <= d <= asOf) }
      OR EXISTS { MATCH (u)-[:PROVIDES]->(:Resource)<-[:USES]-(p:Project)
                  WHERE any(d IN [p.startedOn, p.deliveredOn, p.acceptedOn] WHERE since <= d <= asOf) }
      OR EXISTS { MATCH (u)-[:PROVIDES]->(r:Resource)
                  WHERE coalesce(r.status, 'available') <> 'withdrawn'
                    AND coalesce(r.availableFrom, asOf) <= asOf AND coalesce(r.availableTo, since) >= since }
      OR EXISTS { MATCH (u)<-[:SIGNED_BY]-(g:Agreement)
                  WHERE g.signedOn <= asOf AND coalesce(g.validTo, g.signedOn) >= since }"""
#: the named queries that decide whether a unit is active (each carries :data:`UNIT_ACTIVE`)
UNIT_ACTIVE_QUERIES = ("coconstruction_chain", "division_indicators")

#: gap code -> the Chinese message; ``{name}`` is the area (or committee) named, ``{unit}`` the member's unit
GAPS: Mapping[str, str] = {
    "NO_STREET_COMMITTEE": "{name}没有领导本街道的党（工）委",
    "NO_COMMUNITY_COMMITTEE": "{name}没有领导本社区的党组织",
    "COMMUNITY_NOT_LINKED_TO_STREET": "{name}的社区党组织未隶属街道党（工）委",
    "NO_GRID_BRANCH": "{name}没有网格党支部（举头见支部）",
    "GRID_BRANCH_NOT_LINKED_TO_COMMUNITY": "{name}的网格党支部未隶属社区党组织",
    "NO_ENLARGED_COMMITTEE": "{name}的党组织没有扩大为大工委/大党委",
    "NO_PART_TIME_MEMBERS": "{name}的大工委/大党委没有兼职委员",
    "NO_RESPONSIBLE_DEPARTMENT": "{name}没有街道职能部门包联",
    "PART_TIME_MEMBER_INACTIVE": ("{unit}是{name}大工委/大党委的兼职委员，但近" + str(ACTIVE_MONTHS)
                                  + "个月没有项目、资源或共建协议（挂名）"),
}


def params(as_of: dt.date | None = None) -> dict[str, Any]:
    """The parameters of ``coconstruction_chain.cypher`` for the day ``as_of`` (default: today)."""
    return {"asOf": (as_of or dt.date.today()).isoformat(), "activeMonths": ACTIVE_MONTHS}


def message(gap: Mapping[str, Any]) -> str:
    """The Chinese message of one gap of the chain (``problem``, ``name``, and ``unit`` for a 挂名 member)."""
    unit = gap.get("unit") or {}
    return GAPS[gap["problem"]].format(name=gap.get("name") or gap.get("code") or "",
                                       unit=unit.get("name") or unit.get("uid") or "")


def with_messages(chain: Mapping[str, Any]) -> dict[str, Any]:
    """A chain row with the Chinese ``message`` of each gap."""
    return {**chain, "missing": [{"unit": None, **gap, "message": message(gap)} for gap in chain["missing"]]}


def role_label(role: str | None) -> str | None:
    """The Chinese word of an answerer's role (a secretary of :data:`graph.vocab.SECRETARY_ROLES` or a
    RESPONSIBLE_FOR role of :data:`graph.vocab.RESPONSIBLE_ROLES`); the role itself when unknown."""
    words = {**vocab.SECRETARY_ROLES, **vocab.RESPONSIBLE_ROLES}.get(role or "")
    return words[0] if words else role
