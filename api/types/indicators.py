"""Indicators and early warnings of a division (issue #13 part 3; docs/indicators.md)."""

from __future__ import annotations

import strawberry


@strawberry.type(description="The indicators of one division (each defined once: docs/indicators.md).")
class DivisionIndicators:
    code: str
    name: str | None
    level: str | None
    month: str | None = strawberry.field(description=(
        "The month of a stored snapshot (indicators with from/to, indicatorHistory); else null."))
    urban_rural: str | None = strawberry.field(description="城乡分类代码 (111 … 220) as the divisions table gives it.")
    community_type: str | None = strawberry.field(description=(
        "Community type key (commodity, old_courtyard, unit_compound, resettled, mixed, village), given or derived "
        "from the compounds (docs/indicators.md); null for streets and districts or when unknown."))
    community_type_label: str | None = strawberry.field(description="The community type in Chinese (商品房社区 …).")
    needs_open: int
    needs_past_due: int = strawberry.field(description="Open needs past their neededBy date.")
    needs_unclaimed: int = strawberry.field(description=(
        "Open needs no project addresses, published at least 30 days (UNCLAIMED_DAYS) before asOf."))
    needs_no_candidate: int | None = strawberry.field(description=(
        "Open needs with no candidate resource, published at least GRIDLINK_INDICATOR_NO_CANDIDATE_DAYS (default 14) "
        "days before asOf."))
    median_claim_to_delivery_days: float | None = strawberry.field(description=(
        "Median days from a project's start (claim) to its delivery, over the projects of the division's needs."))
    rating_mean: float | None = strawberry.field(description="Mean acceptance rating (1-5).")
    rating_count: int
    grids: int
    grids_with_branch: int = strawberry.field(description="Grids a party organization LEADS (举头见支部).")
    compounds: int
    compounds_with_branch: int
    resident_units: int | None = strawberry.field(description=(
        "Resident units (驻区单位): units there hosting a party organization, in an alliance, checked in or signing "
        "an agreement."))
    resident_units_active: int | None = strawberry.field(description=(
        "Resident units with a resource, project or agreement in the 12 months before asOf."))
    active_unit_share: float | None = strawberry.field(description="residentUnitsActive / residentUnits.")
    households: int | None = strawberry.field(description="Households of the compounds with a household count.")
    property_work_orders: int | None = strawberry.field(description=(
        "Property (物业) work orders of those compounds received in the 12 months before asOf."))
    property_work_orders_per_100_households: float | None = strawberry.field(description=(
        "propertyWorkOrders per 100 households."))
    members: int | None = strawberry.field(description=(
        "Party members living there (null for readers when from 1 to GRIDLINK_API_MIN_MEMBER_COUNT - 1)."))
    check_in_rate: float | None = strawberry.field(description=(
        "Share of the members living there who checked in to their community (null when it rests on a count "
        "suppressed for the role)."))
    hidden_pocket_share: float | None = strawberry.field(description=(
        "Share of the members living there derived hidden or pocket (docs/members.md; null when suppressed)."))


@strawberry.type(description=(
    "A thing a warning points at: kind need (uid), grid (code), compound (uid) or organization (uid)."))
class WarningTarget:
    kind: str
    id: str


@strawberry.type(description="An indicator of a division that crossed its documented threshold.")
class DivisionWarning:
    division_code: str
    division_name: str | None
    community_type: str | None = strawberry.field(description="The division's community type key (see indicators).")
    urban_rural: str | None
    code: str = strawberry.field(description=(
        "NEEDS_PAST_DUE, NEEDS_UNCLAIMED, NEEDS_NO_CANDIDATE, SLOW_DELIVERY, LOW_RATING, GRIDS_WITHOUT_BRANCH, "
        "COMPOUNDS_WITHOUT_BRANCH, INACTIVE_UNITS, PROPERTY_WORK_ORDERS, HIDDEN_POCKET_SHARE, LOW_CHECK_IN."))
    reason: str = strawberry.field(description="Why, in Chinese.")
    value: float | None = strawberry.field(description="The indicator's value (null when suppressed for the role).")
    threshold: float
    open: list[WarningTarget] = strawberry.field(description="The things to open (at most 20 of each kind).")
