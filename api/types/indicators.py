"""Indicators and early warnings of a division (issue #13 part 3; docs/indicators.md)."""

from __future__ import annotations

import strawberry


@strawberry.type(description="The indicators of one division (each defined once: docs/indicators.md).")
class DivisionIndicators:
    code: str
    name: str | None
    level: str | None
    month: str | None = strawberry.field(description="The month of a stored snapshot (indicatorHistory); else null.")
    needs_open: int
    needs_past_due: int = strawberry.field(description="Open needs past their neededBy date.")
    needs_unclaimed: int = strawberry.field(description=(
        "Open needs no project addresses, published at least 30 days (UNCLAIMED_DAYS) before asOf."))
    median_claim_to_delivery_days: float | None = strawberry.field(description=(
        "Median days from a project's start (claim) to its delivery, over the projects of the division's needs."))
    rating_mean: float | None = strawberry.field(description="Mean acceptance rating (1-5).")
    rating_count: int
    grids: int
    grids_with_branch: int = strawberry.field(description="Grids a party organization LEADS (举头见支部).")
    compounds: int
    compounds_with_branch: int
    members: int | None = strawberry.field(description=(
        "Party members living there (null for readers when from 1 to GRIDLINK_API_MIN_MEMBER_COUNT - 1)."))
    check_in_rate: float | None = strawberry.field(description=(
        "Share of the members living there who checked in to their community (null when it rests on a count "
        "suppressed for the role)."))
    hidden_pocket_share: float | None = strawberry.field(description=(
        "Share of the members living there derived hidden or pocket (docs/members.md; null when suppressed)."))


@strawberry.type(description="A thing a warning points at: kind need, grid; id its uid or code.")
class WarningTarget:
    kind: str
    id: str


@strawberry.type(description="An indicator of a division that crossed its documented threshold.")
class DivisionWarning:
    division_code: str
    division_name: str | None
    code: str = strawberry.field(description=(
        "NEEDS_PAST_DUE, NEEDS_UNCLAIMED, SLOW_DELIVERY, LOW_RATING, GRIDS_WITHOUT_BRANCH, HIDDEN_POCKET_SHARE, "
        "LOW_CHECK_IN."))
    reason: str = strawberry.field(description="Why, in Chinese.")
    value: float | None = strawberry.field(description="The indicator's value (null when suppressed for the role).")
    threshold: float
    open: list[WarningTarget] = strawberry.field(description="The things to open (at most 20 of each kind).")
