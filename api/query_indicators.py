"""``indicators`` and ``warnings``: a division's indicators and what crossed a threshold (issue #13 part 3).

Two named queries in two round trips (``division_indicators``, ``members_by_area``); the thresholds and the
member rates are :mod:`queries.indicator_rules`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import strawberry

from api import args, db
from api.context import Context
from api.errors import InputError, NotFoundError
from api.types.indicators import DivisionIndicators, DivisionWarning, WarningTarget
from queries import indicator_rules as rules
from queries.member_rules import get_member_rules

Info = strawberry.Info[Context, None]
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


async def _read(info: Info, division_code: str, as_of: date | None) -> list[dict[str, Any]]:
    code = args.division_code(division_code)
    params = get_member_rules().params(as_of)
    rows = await db.read("division_indicators", {"divisionCode": code, "asOf": params["asOf"],
                                                 "unclaimedDays": rules.UNCLAIMED_DAYS})
    if not rows:
        raise NotFoundError(f"divisionCode: no division {code}", field="divisionCode")
    members = await db.read("members_by_area", {"divisionCode": code, **params})
    return rules.combine(rows, members)


def _k(info: Info) -> int | None:
    return None if info.context.personal else info.context.settings.min_member_count


@strawberry.type
class IndicatorQuery:
    @strawberry.field(description=(
        "Indicators of a division (district, street or community) and of each division directly below it: needs "
        "past due and unclaimed, median days claim→delivery, acceptance rating, branch coverage of grids and "
        "compounds, member check-in rate and hidden/pocket share (docs/indicators.md). asOf: default today."))
    async def indicators(self, info: Info, division_code: str, as_of: date | None = None) -> list[DivisionIndicators]:
        k = _k(info)
        return [_indicators(r, k) for r in await _read(info, division_code, as_of)]

    @strawberry.field(description=(
        "What crossed a documented threshold (docs/indicators.md) in a division and each division directly below "
        "it, with the reason and the needs or grids to open. asOf: default today."))
    async def warnings(self, info: Info, division_code: str, as_of: date | None = None) -> list[DivisionWarning]:
        k = _k(info)
        return [DivisionWarning(division_code=r["code"], division_name=r["name"], code=w["code"], reason=w["reason"],
                                value=w["value"], threshold=w["threshold"],
                                open=[WarningTarget(**t) for t in w["open"]])
                for r in await _read(info, division_code, as_of) for w in rules.warnings(r, k)]

    @strawberry.field(description=(
        "The monthly indicators of a division stored by `gridlink report snapshot`, oldest first; fromMonth and "
        "toMonth (YYYY-MM) bound the months (both included). Member counts as in indicators."))
    async def indicator_history(self, info: Info, division_code: str, from_month: str | None = None,
                                to_month: str | None = None) -> list[DivisionIndicators]:
        code = args.division_code(division_code)
        for value, field in ((from_month, "fromMonth"), (to_month, "toMonth")):
            if value is not None and not _MONTH.fullmatch(value):
                raise InputError(f"{field} must be a month YYYY-MM (e.g. 2026-11); got {value!r}", field=field)
        rows = await db.read("indicator_history", {"divisionCode": code, "fromMonth": from_month,
                                                   "toMonth": to_month})
        k = _k(info)
        return [_indicators(r["snapshot"], k, r["snapshot"]["month"]) for r in rows]


def _indicators(r: dict[str, Any], k: int | None, month: str | None = None) -> DivisionIndicators:
    """A :func:`queries.indicator_rules.combine` row (or a stored snapshot) as the GraphQL type, member counts
    suppressed with ``k``."""
    small = k is not None and 0 < r["members"] < k
    return DivisionIndicators(
        code=r["code"], name=r["name"], level=r["level"], month=month, needs_open=r["needsOpen"],
        needs_past_due=r["needsPastDue"], needs_unclaimed=r["needsUnclaimed"],
        # a stored snapshot has no property for a null value
        median_claim_to_delivery_days=r.get("medianClaimToDeliveryDays"), rating_mean=r.get("ratingMean"),
        rating_count=r["ratingCount"], grids=r["grids"], grids_with_branch=r["gridsWithBranch"],
        compounds=r["compounds"], compounds_with_branch=r["compoundsWithBranch"],
        members=None if small else r["members"],
        check_in_rate=None if small else rules.member_share(r, "checkedIn", k),
        hidden_pocket_share=None if small else rules.member_share(r, "hiddenPocket", k))
