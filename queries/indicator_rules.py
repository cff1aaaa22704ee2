"""Indicators and early warnings of a division (issue #13 part 3), the thresholds written once.

The counts come from two named queries, each defining its indicators once: ``division_indicators.cypher`` (needs,
candidates, projects, branch coverage, resident units, property work orders) and ``members_by_area.cypher`` (member
check-in and hidden/pocket, with the rules of :mod:`queries.member_rules`); the community type is
:mod:`queries.typology`. :func:`member_rates` turns member counts into rates, :func:`warnings` lists what
crossed a threshold, with a reason in Chinese and the things to open. docs/indicators.md states the same (a test
keeps the thresholds named there equal to these).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from queries import typology
from queries.linkage_rules import ACTIVE_MONTHS as ACTIVE_MONTHS  # one activity window: 挂名 and resident units

#: an open need nobody claimed this many days after it was published counts as unclaimed
UNCLAIMED_DAYS = 30
#: warn when fewer than this share of the resident units was active in the last ACTIVE_MONTHS months
MIN_ACTIVE_UNIT_SHARE = 0.5
#: warn when the property work orders of the last ACTIVE_MONTHS months per 100 households exceed this
MAX_PROPERTY_ORDERS_PER_100_HOUSEHOLDS = 5.0
#: warn when fewer than this share of the compounds has a party organization that LEADS it
MIN_COMPOUND_BRANCH_COVERAGE = 0.5
#: warn when the median days from claim to delivery exceed this
MAX_MEDIAN_DELIVERY_DAYS = 90
#: warn when the mean acceptance rating is below this, given at least RATING_MIN_COUNT ratings
MIN_RATING_MEAN = 3.5
RATING_MIN_COUNT = 3
#: warn when more than this share of the members living there is hidden or pocket
MAX_HIDDEN_POCKET_SHARE = 0.10
#: warn when fewer than this share of the members living there checked in to their community
MIN_CHECK_IN_RATE = 0.5
#: warn when fewer than this share of the grids has a party organization that LEADS it (举头见支部)
MIN_GRID_BRANCH_COVERAGE = 1.0

Row = Mapping[str, Any]


class IndicatorSettings(BaseSettings):
    """The configurable part of the indicators (environment ``GRIDLINK_INDICATOR_*``)."""

    model_config = SettingsConfigDict(env_prefix="GRIDLINK_INDICATOR_", env_file=".env", extra="ignore")

    # an open need published this many days ago with no candidate resource counts as stuck (NEEDS_NO_CANDIDATE)
    no_candidate_days: int = Field(default=14, ge=0, le=3650)


@lru_cache(maxsize=1)
def get_indicator_settings() -> IndicatorSettings:
    """The settings, read from the environment on first use."""
    return IndicatorSettings()


def reset_indicator_settings() -> None:
    """Forget the cached settings (tests change the environment)."""
    get_indicator_settings.cache_clear()


def query_params(code: str, as_of: dt.date) -> dict[str, Any]:
    """The parameters of ``division_indicators.cypher`` for the division ``code`` on ``as_of``."""
    return {"divisionCode": code, "asOf": as_of.isoformat(), "unclaimedDays": UNCLAIMED_DAYS,
            "noCandidateDays": get_indicator_settings().no_candidate_days, "activeMonths": ACTIVE_MONTHS}


def member_rates(rows: Iterable[Row], code: str, level: str) -> dict[str, int]:
    """Members living in the division ``code``: ``members``, ``hiddenPocket``, ``checkedIn`` from ``members_by_area``
    rows (a district, which has no row of its own, sums its streets)."""
    want = [r for r in rows if (r["level"], r["code"]) == (level, code)] or (
        [r for r in rows if r["level"] == "street"] if level not in ("street", "community") else [])
    return {"members": sum(r["total"] for r in want), "hiddenPocket": sum(r["hidden"] + r["pocket"] for r in want),
            "checkedIn": sum(r["checkedIn"] for r in want)}


def combine(rows: Iterable[Row], members: Sequence[Row]) -> list[dict[str, Any]]:
    """``division_indicators`` rows with the member counts of each division (``members``: ``members_by_area``
    rows of the same division asked about) as ``members``, ``hiddenPocket``, ``checkedIn``."""
    out = []
    for r in rows:
        kind = typology.community_type(r["level"], r["code"], r.get("kind"), r.get("communityType"),
                                       r.get("typeHouseholds") or ())
        out.append({**r, "communityType": kind, **member_rates(members, r["code"], r["level"])})
    return out


def per_100(part: int | None, households: int | None) -> float | None:
    """``part`` per 100 households, or ``None`` when no household count is known."""
    rate = share(part, households)
    return None if rate is None else 100 * rate


def share(part: int | None, whole: int | None) -> float | None:
    """``part / whole``, or ``None`` when either is unknown or ``whole`` is 0."""
    return None if part is None or not whole else part / whole


def member_share(ind: Row, key: str, k: int | None) -> float | None:
    """The share of ``key`` among the members living there; ``None`` when ``k`` is given and the count is from 1
    to ``k - 1`` (the small-count rule of :mod:`api.disclosure`: a share of a known total gives the count away)."""
    n = ind[key]
    return None if k is not None and 0 < n < k else share(n, ind["members"])


def warnings(ind: Row, k: int | None = None) -> list[dict[str, Any]]:
    """What crossed a threshold in one division's indicators (a :func:`combine` row): ``code``, ``reason``,
    ``value``, ``threshold``, ``open`` (kind and ids of the things to open). With ``k`` (roles that may not see
    personal data) a member share resting on a small count is decided on the true count, its value left out."""
    out: list[dict[str, Any]] = []

    def warn(code: str, reason: str, value: float | None, threshold: float, kind: str = "",
             ids: Iterable[str] = ()) -> None:
        out.append({"code": code, "reason": reason, "value": value, "threshold": threshold,
                    "open": [{"kind": kind, "id": i} for i in ids]})

    if ind["needsPastDue"] > 0:
        warn("NEEDS_PAST_DUE", f"{ind['needsPastDue']} 条需求已过期仍未认领或完成", ind["needsPastDue"], 0, "need",
             ind["pastDue"])
    if ind["needsUnclaimed"] > 0:
        warn("NEEDS_UNCLAIMED", f"{ind['needsUnclaimed']} 条需求发布超过 {UNCLAIMED_DAYS} 天无人认领",
             ind["needsUnclaimed"], UNCLAIMED_DAYS, "need", ind["unclaimed"])
    if ind["needsNoCandidate"] > 0:
        days = get_indicator_settings().no_candidate_days
        warn("NEEDS_NO_CANDIDATE", f"{ind['needsNoCandidate']} 条需求发布超过 {days} 天仍没有可对接的资源",
             ind["needsNoCandidate"], days, "need", ind["noCandidate"])
    median = ind["medianClaimToDeliveryDays"]
    if median is not None and median > MAX_MEDIAN_DELIVERY_DAYS:
        warn("SLOW_DELIVERY", f"项目从认领到交付的中位天数为 {median:g} 天", median, MAX_MEDIAN_DELIVERY_DAYS)
    if ind["ratingCount"] >= RATING_MIN_COUNT and ind["ratingMean"] < MIN_RATING_MEAN:
        warn("LOW_RATING", f"验收评分均值 {ind['ratingMean']:.2f}（{ind['ratingCount']} 个评分）", ind["ratingMean"],
             MIN_RATING_MEAN)
    coverage = share(ind["gridsWithBranch"], ind["grids"])
    if coverage is not None and coverage < MIN_GRID_BRANCH_COVERAGE:
        warn("GRIDS_WITHOUT_BRANCH", f"{ind['grids'] - ind['gridsWithBranch']} 个网格没有党组织（举头见支部）",
             coverage, MIN_GRID_BRANCH_COVERAGE, "grid", ind["gridsWithoutBranch"])
    compounds = share(ind["compoundsWithBranch"], ind["compounds"])
    if compounds is not None and compounds < MIN_COMPOUND_BRANCH_COVERAGE:
        warn("COMPOUNDS_WITHOUT_BRANCH", f"{ind['compounds'] - ind['compoundsWithBranch']} 个小区（院落）没有党组织",
             compounds, MIN_COMPOUND_BRANCH_COVERAGE, "compound", ind["compoundsWithoutBranch"])
    active = share(ind["residentUnitsActive"], ind["residentUnits"])
    if active is not None and active < MIN_ACTIVE_UNIT_SHARE:
        warn("INACTIVE_UNITS", f"近 {ACTIVE_MONTHS} 个月有资源、项目或协议的驻区单位仅占 {active:.0%}"
             f"（{ind['residentUnitsActive']}/{ind['residentUnits']}）", active, MIN_ACTIVE_UNIT_SHARE,
             "organization", ind["inactiveUnits"])
    orders = per_100(ind["propertyWorkOrders"], ind["households"])
    if orders is not None and orders > MAX_PROPERTY_ORDERS_PER_100_HOUSEHOLDS:
        warn("PROPERTY_WORK_ORDERS", f"近 {ACTIVE_MONTHS} 个月每百户物业类工单 {orders:.1f} 件",
             orders, MAX_PROPERTY_ORDERS_PER_100_HOUSEHOLDS, "compound", ind["busyCompounds"])
    hidden, shown = share(ind["hiddenPocket"], ind["members"]), member_share(ind, "hiddenPocket", k)
    if hidden is not None and hidden > MAX_HIDDEN_POCKET_SHARE:
        warn("HIDDEN_POCKET_SHARE", "隐形、口袋党员占居住党员的" + (f" {shown:.0%}" if shown is not None else "比例")
             + f"，超过 {MAX_HIDDEN_POCKET_SHARE:.0%}", shown, MAX_HIDDEN_POCKET_SHARE)
    checked, shown = share(ind["checkedIn"], ind["members"]), member_share(ind, "checkedIn", k)
    if checked is not None and checked < MIN_CHECK_IN_RATE:
        warn("LOW_CHECK_IN", "到社区报到的居住党员占" + (f" {shown:.0%}" if shown is not None else "比例")
             + f"，低于 {MIN_CHECK_IN_RATE:.0%}", shown, MIN_CHECK_IN_RATE)
    return out
