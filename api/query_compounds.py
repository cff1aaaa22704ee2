"""Below the grid (issue #12): ``compounds``, ``compound``, ``fiveStep`` and ``disputeHotspots``.

Each is one named query (``queries/compound_*.cypher``); ``fiveStep`` and ``disputeHotspots`` apply the five-step
rules of :mod:`queries.five_step` to the evidence query's counts, so the rules exist once. Party-member counts are
suppressed below ``GRIDLINK_API_MIN_MEMBER_COUNT`` for readers (:mod:`api.disclosure`).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import strawberry

from api import args, db
from api.context import Context
from api.disclosure import suppress
from api.errors import InputError, NotFoundError
from api.localtime import today
from api.types.common import Connection, page
from api.types.compounds import Compound, CompoundSummary, DisputeHotspot, FiveStep
from graph import vocab
from queries.five_step import five_step, summary
from queries.member_rules import get_member_rules

Info = strawberry.Info[Context, None]
COMPOUND_TYPES = frozenset(vocab.COMPOUND_TYPES)
MANAGEMENT_MODES = frozenset(vocab.MANAGEMENT_MODES)
MEMBER_KEYS = tuple(vocab.MEMBER_STATUSES)  # normal, flowing, pocket, hidden: from the one vocabulary
MAX_HOTSPOTS = 200


@strawberry.input(description="Filters of `compounds`.")
class CompoundFilter:
    type: str | None = strawberry.field(default=None, description="A compound type key (commodity, old_courtyard…).")
    has_branch: bool | None = None
    has_owners_committee: bool | None = None
    management_mode: str | None = strawberry.field(default=None, description="company, unit, residents or none.")


def _members(counts: dict[str, Any], info: Info) -> dict[str, Any]:
    """Resident member counts, suppressed for roles that may not see personal data."""
    plain = {k: int(counts.get(k) or 0) for k in MEMBER_KEYS}
    return dict(plain) if info.context.personal else suppress(plain, info.context.settings.min_member_count)


def _small(n: Any, info: Info) -> int | None:
    """One party-member count: null for readers when 0 < n < threshold."""
    if n is None or info.context.personal:
        return None if n is None else int(n)
    return None if 0 < int(n) < info.context.settings.min_member_count else int(n)


#: evidence keys that are party-member counts (交叉任职): suppressed like the resident counts
_CROSS_KEYS = ("committeePartyMembers", "projectPartyMembers", "crossAppointments")


def _steps(evidence: dict[str, Any], info: Info) -> dict[str, Any]:
    """The five steps of one evidence row, member counts suppressed for readers, with the done/partial/missing
    totals."""
    steps = five_step(evidence)
    for step in steps:
        if step["key"] == "find_members":
            step["evidence"] = _members(step["evidence"], info)
        for key in _CROSS_KEYS:
            if key in step["evidence"]:
                step["evidence"][key] = _small(step["evidence"][key], info)
    return {"steps": steps, **summary(steps)}


def _as_of(value: date | None) -> date:
    return value or today()


def _status_params(day: date) -> dict[str, Any]:
    """``asOf`` and ``pocketMonths`` of the derived member status (queries/member_rules.py)."""
    return get_member_rules().status_params(day)


def year_before(until: date) -> date:
    """The first day of the 12 months that end on ``until`` (2025-06-30 -> 2024-07-01)."""
    try:
        back = until.replace(year=until.year - 1)
    except ValueError:  # 29 February
        back = until.replace(year=until.year - 1, day=28)
    return back + timedelta(days=1)


@strawberry.type
class CompoundQuery:
    @strawberry.field(description="Compounds (小区/院落) in a community (or any division) or a grid, filtered, by uid.")
    async def compounds(self, info: Info, community_code: str | None = None,
                        grid_code: str | None = None, scheme: str = "LOCAL",
                        filter: CompoundFilter | None = None, first: int | None = None,
                        after: str | None = None) -> Connection[CompoundSummary] | None:
        f = filter or CompoundFilter()
        if (grid_code is None) == (community_code is None):
            raise InputError("give exactly one of communityCode or gridCode", field="communityCode")
        params = {**args.area(grid_code, community_code, scheme), **args.paging(info, first, after),
                  "type": args.one_of(f.type, COMPOUND_TYPES, "filter.type"),
                  "managementMode": args.one_of(f.management_mode, MANAGEMENT_MODES, "filter.managementMode"),
                  "hasBranch": f.has_branch, "hasOwnersCommittee": f.has_owners_committee}
        rows = await db.read("compound_list", params)
        if not rows:
            field = "gridCode" if grid_code else "communityCode"
            raise NotFoundError(f"{field}: no such area; check the code", field=field)
        return page(rows[0]["nodes"], params["first"], total=rows[0]["totalCount"])  # type: ignore[return-value]

    @strawberry.field(description="A compound by uid (小区编码 or c:<hash>) with its property company, owners' "
                                  "committee, party organizations, resident party members by status (small counts "
                                  "null for readers) and work orders by category.")
    async def compound(self, info: Info, code: str, as_of: date | None = None) -> Compound | None:
        if not 0 < len(code.strip()) <= 500:
            raise InputError("code must be a compound uid (1-500 characters)", field="code")
        rows = await db.read("compound_detail", {"uid": code.strip(), **_status_params(_as_of(as_of))})
        if not rows:
            return None
        c = dict(rows[0]["compound"])
        c["boundary"] = json.loads(c["boundary"]) if c.get("boundary") else None
        c["residentMembers"] = _members(c["residentMembers"], info)
        c["committees"] = [{**o, "partyMemberCount": _small(o["partyMemberCount"], info)} for o in c["committees"]]
        c["companies"] = [{**o, "partyMemberCount": _small(o["partyMemberCount"], info)} for o in c["companies"]]
        return c  # type: ignore[return-value]

    @strawberry.field(description="The five steps (找党员、建组织、优机制、聚合力、植文化) of a compound: each with "
                                  "done/partial/missing, its evidence and the next action (docs/five-step.md). "
                                  "asOf: the day the 12 months of 植文化 end (default today, Beijing time).")
    async def five_step(self, info: Info, compound_code: str,
                        as_of: date | None = None) -> FiveStep | None:
        day = _as_of(as_of)
        rows = await db.read("compound_five_step_evidence", {"uids": [compound_code], **_status_params(day)})
        if not rows:
            return None
        return {"compound": rows[0]["compound"], "asOf": day,  # type: ignore[return-value]
                **_steps(rows[0]["evidence"], info)}

    @strawberry.field(description="Compounds of a division ranked by property work orders (物业管理) per 100 "
                                  "households received in [since, until], each with its five-step status: which "
                                  "compounds need the five steps next. until: default today (Beijing time); "
                                  "since: default the day after the same date a year before until (12 months).")
    async def dispute_hotspots(self, info: Info, division_code: str, since: date | None = None,
                               until: date | None = None, limit: int = 20,
                               as_of: date | None = None) -> list[DisputeHotspot] | None:
        code = args.division_code(division_code)
        until = until or today()
        since = since or year_before(until)
        if since > until:
            raise InputError("since must not be after until", field="since")
        if not 1 <= limit <= MAX_HOTSPOTS:
            raise InputError(f"limit must be between 1 and {MAX_HOTSPOTS}", field="limit")
        exists = await db.read("division_detail", {"code": code})
        if not exists:
            raise NotFoundError(f"divisionCode: no division {code}", field="divisionCode")
        rows = await db.read("compound_dispute_hotspots", {
            "divisionCode": code, "since": since.isoformat(), "until": until.isoformat(), "limit": limit})
        uids = [r["compound"]["uid"] for r in rows]
        evidence = {e["uid"]: e["evidence"] for e in await db.read(
            "compound_five_step_evidence", {"uids": uids, **_status_params(as_of or until)})}
        return [{"rank": i + 1, "compound": r["compound"], "orders": r["orders"],  # type: ignore[misc]
                 "per100Households": r["per100Households"], **_steps(evidence[r["compound"]["uid"]], info)}
                for i, r in enumerate(rows)]
