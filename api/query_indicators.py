"""``indicators`` and ``warnings``: a division's indicators and what crossed a threshold (issue #13 part 3).

Two named queries in two round trips (``division_indicators``, ``members_by_area``); the thresholds and the
member rates are :mod:`queries.indicator_rules`, the community type :mod:`queries.typology`. With ``from``/``to``
``indicators`` reads the monthly snapshots (``indicator_history``) instead: one field for "now" and for the trend.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any

import strawberry

from api import args, db
from api.context import Context
from api.errors import InputError, NotFoundError
from api.localtime import today
from api.strings import shown
from api.types.indicators import DivisionIndicators, DivisionWarning, WarningTarget
from queries import indicator_rules as rules
from queries import typology
from queries.member_rules import get_member_rules

Info = strawberry.Info[Context, None]
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
UrbanRural = Annotated[list[str] | None, strawberry.argument(description=(
    "Keep the divisions below of these 城乡分类代码 (111, 112, 121, 122, 123, 210, 220); the division asked about "
    "always comes first."))]
CommunityType = Annotated[list[str] | None, strawberry.argument(description=(
    "Keep the divisions below of these community types (commodity, old_courtyard, unit_compound, resettled, mixed, "
    "village); the division asked about always comes first."))]


def _keep(rows: list[dict[str, Any]], code: str, urban_rural: list[str] | None,
          community_type: list[str] | None) -> list[dict[str, Any]]:
    return [r for r in rows if r["code"] == code or typology.keep(r, urban_rural, community_type)]


async def _read(division_code: str, as_of: date | None) -> list[dict[str, Any]]:
    code = args.division_code(division_code)
    day = as_of or today()
    rows = await db.read("division_indicators", rules.query_params(code, day))
    if not rows:
        raise NotFoundError(f"divisionCode: no division {code}", field="divisionCode")
    members = await db.read("members_by_area", {"divisionCode": code, **get_member_rules().params(day)})
    return rules.combine(rows, members)


def _month(value: str | None, field: str) -> str | None:
    if value is not None and not _MONTH.fullmatch(value):
        raise InputError(f"{field} must be a month YYYY-MM (e.g. 2026-11); got {shown(value)}", field=field)
    return value


async def _series(division_code: str, from_month: str | None, to_month: str | None,
                  with_children: bool) -> list[dict[str, Any]]:
    code = args.division_code(division_code)
    params = {"divisionCode": code, "fromMonth": from_month, "toMonth": to_month, "withChildren": with_children}
    return [r["snapshot"] for r in await db.read("indicator_history", params)]


def _k(info: Info) -> int | None:
    return None if info.context.personal else info.context.settings.min_member_count


@strawberry.type
class IndicatorQuery:
    @strawberry.field(description=(
        "Indicators of a division (district, street or community) and of each division directly below it "
        "(docs/indicators.md). asOf (default today): computed now. from/to (YYYY-MM, both included, either may be "
        "left out): the time series stored by `gridlink report snapshot`, by month, the division first in each "
        "month; asOf cannot be combined with them."))
    async def indicators(
        self, info: Info, division_code: str, as_of: date | None = None,
        from_: Annotated[str | None, strawberry.argument(name="from", description="First month, YYYY-MM.")] = None,
        to: Annotated[str | None, strawberry.argument(description="Last month, YYYY-MM.")] = None,
        urban_rural: UrbanRural = None, community_type: CommunityType = None,
    ) -> list[DivisionIndicators]:
        args.typology_filters(urban_rural, community_type)
        k = _k(info)
        if from_ is not None or to is not None:
            if as_of is not None:
                raise InputError("asOf asks for today's indicators, from/to for the stored months; give one or the "
                                 "other", field="asOf")
            rows = await _series(division_code, _month(from_, "from"), _month(to, "to"), True)
            return [as_indicators(r, k, r["month"]) for r in _keep(rows, division_code, urban_rural, community_type)]
        rows = _keep(await _read(division_code, as_of), division_code, urban_rural, community_type)
        return [as_indicators(r, k) for r in rows]

    @strawberry.field(description=(
        "What crossed a documented threshold (docs/indicators.md) in a division and each division directly below "
        "it, with the reason and the needs, grids, compounds or units to open. asOf: default today."))
    async def warnings(self, info: Info, division_code: str, as_of: date | None = None,
                       urban_rural: UrbanRural = None, community_type: CommunityType = None) -> list[DivisionWarning]:
        args.typology_filters(urban_rural, community_type)
        k = _k(info)
        rows = _keep(await _read(division_code, as_of), division_code, urban_rural, community_type)
        return [DivisionWarning(division_code=r["code"], division_name=r["name"], community_type=r["communityType"],
                                urban_rural=r.get("urbanRural"), code=w["code"], reason=w["reason"],
                                value=w["value"], threshold=w["threshold"],
                                open=[WarningTarget(**t) for t in w["open"]])
                for r in rows for w in rules.warnings(r, k)]

    @strawberry.field(description=(
        "The monthly indicators of the division alone stored by `gridlink report snapshot`, oldest first (the same "
        "series as indicators(divisionCode, from, to) without the divisions below); fromMonth and toMonth (YYYY-MM) "
        "bound the months (both included)."))
    async def indicator_history(self, info: Info, division_code: str, from_month: str | None = None,
                                to_month: str | None = None) -> list[DivisionIndicators]:
        rows = await _series(division_code, _month(from_month, "fromMonth"), _month(to_month, "toMonth"), False)
        k = _k(info)
        return [as_indicators(r, k, r["month"]) for r in rows]


def as_indicators(r: Mapping[str, Any], k: int | None, month: str | None = None) -> DivisionIndicators:
    """A :func:`queries.indicator_rules.combine` row (or a stored snapshot) as the GraphQL type, member counts
    suppressed with ``k``. A snapshot has no property for a null value, nor for an indicator added after it was
    stored: those read as null."""
    small = k is not None and 0 < r["members"] < k
    return DivisionIndicators(
        code=r["code"], name=r["name"], level=r["level"], month=month, urban_rural=r.get("urbanRural"),
        community_type=r.get("communityType"), community_type_label=typology.label(r.get("communityType")),
        needs_open=r["needsOpen"], needs_past_due=r["needsPastDue"], needs_unclaimed=r["needsUnclaimed"],
        needs_no_candidate=r.get("needsNoCandidate"),
        median_claim_to_delivery_days=r.get("medianClaimToDeliveryDays"), rating_mean=r.get("ratingMean"),
        rating_count=r["ratingCount"], grids=r["grids"], grids_with_branch=r["gridsWithBranch"],
        compounds=r["compounds"], compounds_with_branch=r["compoundsWithBranch"],
        resident_units=r.get("residentUnits"), resident_units_active=r.get("residentUnitsActive"),
        active_unit_share=rules.share(r.get("residentUnitsActive"), r.get("residentUnits")),
        households=r.get("households"), property_work_orders=r.get("propertyWorkOrders"),
        property_work_orders_per_100_households=rules.per_100(r.get("propertyWorkOrders"), r.get("households")),
        members=None if small else r["members"],
        check_in_rate=None if small else rules.member_share(r, "checkedIn", k),
        hidden_pocket_share=None if small else rules.member_share(r, "hiddenPocket", k))
