"""The five steps (五步工作法: 找党员、建组织、优机制、聚合力、植文化) of a compound: the rules, written once.

:func:`five_step` turns the counts of ``compound_five_step_evidence.cypher`` into, per step, a status
(``done`` / ``partial`` / ``missing``), the evidence and what to do next. The API's ``fiveStep`` and
``disputeHotspots`` both call it; docs/five-step.md states the same rules for planners (a test keeps the two in
step by checking every threshold below is named there).

The rules (Chengdu's method for commodity-housing compounds where property disputes are frequent):

- 找党员 find_members (statuses derived by :mod:`queries.member_rules`): ``done`` when at least
  :data:`BRANCH_MIN` registered members (normal or flowing) live in the compound and none of its residents is
  hidden (隐形) or pocket (口袋); ``partial`` when some registered members live there, but fewer, or beside
  hidden/pocket ones; ``missing`` when no registered member is found — none known, or only hidden/pocket ones
  (the registries know them; the compound has not found them yet).
- 建组织 build_org: ``done`` when a party organization (小区党支部, 楼栋党小组…) LEADS the compound; ``partial`` when
  only a grid branch leads a grid it lies in; ``missing`` otherwise.
- 优机制 improve_mechanism: ``done`` when a joint-mechanism agreement (三方联动协议: branch + committee + property
  company, ``Agreement {type: 'joint_mechanism'}``) covering the compound is in force, or when the compound has its
  own party organization, an owners' committee, a manager (a property company, or a unit/residents managing it
  themselves) and cross-appointments (交叉任职: committee members or property-project staff who are party
  members) > 0; ``partial`` when two of the three parties (party organization, committee, manager) are there, or
  there are cross-appointments; ``missing`` otherwise (a company alone is no mechanism).
- 聚合力 pool_forces: ``done`` when a need of the compound has a delivered or accepted project; ``partial`` when a
  need of it is claimed; ``missing`` otherwise.
- 植文化 plant_culture: ``done`` when a culture (文体活动) project for the compound was delivered in the 12 months
  before the date asked about; ``partial`` when there is a culture need, or only older culture projects;
  ``missing`` otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from graph import vocab

#: full party members needed to set up a branch (党支部: at least 3, 支部工作条例)
BRANCH_MIN = 3
#: the statuses of a step
DONE, PARTIAL, MISSING = "done", "partial", "missing"

Evidence = Mapping[str, Any]
Step = dict[str, Any]


def _step(key: str, status: str, evidence: dict[str, Any], next_action: str | None) -> Step:
    return {"key": key, "label": vocab.FIVE_STEPS[key][0], "status": status, "evidence": evidence,
            "nextAction": None if status == DONE else next_action}


def find_members(ev: Evidence) -> Step:
    """找党员: party members living in the compound, by status."""
    counts = {s: int(ev.get(s) or 0) for s in vocab.MEMBER_STATUSES}  # normal, flowing, pocket, hidden
    registered, unregistered = counts["normal"] + counts["flowing"], counts["pocket"] + counts["hidden"]
    if registered == 0 and unregistered:
        return _step("find_members", MISSING, counts,
                     "本小区已知的党员都是隐形或口袋党员：逐一走访，动员亮身份、转接组织关系、向社区报到")
    if registered == 0:
        return _step("find_members", MISSING, counts,
                     "排查居住在本小区的党员：比对党员居住地址，动员在职党员向社区报到、亮身份")
    if registered >= BRANCH_MIN and unregistered == 0:
        return _step("find_members", DONE, counts, None)
    if unregistered:
        return _step("find_members", PARTIAL, counts, "动员隐形党员亮身份、口袋党员转接组织关系")
    return _step("find_members", PARTIAL, counts, f"继续排查：至少 {BRANCH_MIN} 名正式党员才能建立小区党支部")


def build_org(ev: Evidence) -> Step:
    """建组织: a party organization of the compound, else a grid branch over it."""
    evidence = {"compoundBranches": int(ev.get("compoundBranches") or 0),
                "gridBranches": int(ev.get("gridBranches") or 0)}
    if evidence["compoundBranches"]:
        return _step("build_org", DONE, evidence, None)
    if evidence["gridBranches"]:
        return _step("build_org", PARTIAL, evidence, "在网格党支部下建立小区党支部或楼栋党小组")
    return _step("build_org", MISSING, evidence, "建立小区党支部（党员不足 3 人时建楼栋党小组或联合党支部）")


def improve_mechanism(ev: Evidence) -> Step:
    """优机制: a joint-mechanism agreement, or branch + owners' committee + management with cross-appointments."""
    mode = ev.get("managementMode")
    companies = int(ev.get("companies") or 0)
    managed = companies > 0 or mode in ("unit", "residents")
    branches, committees = int(ev.get("compoundBranches") or 0), int(ev.get("committees") or 0)
    committee_pm, project_pm = int(ev.get("committeePartyMembers") or 0), int(ev.get("projectPartyMembers") or 0)
    crossed, agreements = committee_pm + project_pm, int(ev.get("jointAgreements") or 0)
    evidence = {"compoundBranches": branches, "committees": committees, "committeePartyMembers": committee_pm,
                "projectPartyMembers": project_pm, "crossAppointments": crossed, "jointAgreements": agreements,
                "companies": companies, "managementMode": mode}
    if agreements or (branches and committees and managed and crossed > 0):
        return _step("improve_mechanism", DONE, evidence, None)
    if sum(1 for present in (branches, committees, managed) if present) >= 2 or crossed > 0:
        missing = [what for what, ok in (("小区党组织", branches), ("业主委员会", committees),
                                         ("物业服务", managed), ("党员交叉任职", crossed)) if not ok]
        return _step("improve_mechanism", PARTIAL, evidence,
                     "签订党组织、业委会、物业三方联动协议，建立联席机制" + ("，补齐：" + "、".join(missing)
                                                                  if missing else ""))
    return _step("improve_mechanism", MISSING, evidence,
                 "指导成立业主委员会（或物业管理委员会），引入物业服务，推动党员进入业委会和物业项目")


def pool_forces(ev: Evidence) -> Step:
    """聚合力: the compound's needs claimed and delivered, and the resources used."""
    evidence = {k: int(ev.get(k) or 0) for k in ("needs", "needsClaimed", "needsDelivered", "resourcesUsed")}
    if evidence["needsDelivered"]:
        return _step("pool_forces", DONE, evidence, None)
    if evidence["needsClaimed"]:
        return _step("pool_forces", PARTIAL, evidence, "推动已认领的需求项目交付验收")
    if evidence["needs"]:
        return _step("pool_forces", MISSING, evidence, "把小区需求推给驻区单位认领（双向认领）")
    return _step("pool_forces", MISSING, evidence, "收集小区需求清单，对接驻区单位资源")


def plant_culture(ev: Evidence) -> Step:
    """植文化: culture activities for the compound in the last 12 months."""
    evidence = {k: int(ev.get(k) or 0) for k in ("cultureNeeds", "cultureRecent", "cultureDelivered")}
    if evidence["cultureRecent"]:
        return _step("plant_culture", DONE, evidence, None)
    if evidence["cultureNeeds"] or evidence["cultureDelivered"]:
        return _step("plant_culture", PARTIAL, evidence, "近 12 个月没有交付的文体活动：组织一次小区文化活动")
    return _step("plant_culture", MISSING, evidence, "发布小区文体活动需求，培育邻里文化")


#: the steps in order
RULES: tuple[Callable[[Evidence], Step], ...] = (find_members, build_org, improve_mechanism, pool_forces,
                                                 plant_culture)


def five_step(ev: Evidence) -> list[Step]:
    """The five steps of one compound from its evidence row."""
    return [rule(ev) for rule in RULES]


def summary(steps: list[Step]) -> dict[str, int]:
    """How many steps are done, partial and missing."""
    return {s: sum(1 for step in steps if step["status"] == s) for s in (DONE, PARTIAL, MISSING)}
