"""The rules that derive hidden (隐形) and pocket (口袋) party members, written once (issue #13).

The imported 党员状态 is a label somebody typed; these rules derive a status from what the graph knows, so that
"too many hidden and pocket members" can be counted and checked. ``members_by_area.cypher`` applies them with the
parameters :meth:`MemberRules.params` gives; docs/members.md states the same rules for planners (a test keeps the
two in step). In order, first match wins:

1. pocket: the member's relation transfer was issued (``transferOutOn``) and not received (no ``transferInOn``)
   at least :attr:`MemberRules.pocket_months` months before the day asked about.
2. hidden: the member lives in a community (``IN_DIVISION``), has an organizational relation (``MEMBER_OF`` a
   party organization) none of whose organizations lies in that community, and has not checked in there
   (no ``REPORTED_TO`` that community, 在职党员到社区报到).
3. flowing: the imported label says flowing (流动; no rule can see "away for six months").
4. normal otherwise.

The imported label is kept; ``disagreements`` counts members whose label differs from the derived status.

In Cypher the rules are the one expression :data:`DERIVED_STATUS` (member ``m``, the community ``home`` they live
in, parameters ``$asOf`` and ``$pocketMonths``); every named query that counts members by status —
``members_by_area``, ``compound_detail``, ``compound_five_step_evidence``,
``coconstruction_member_status``, ``org_party_detail`` — carries it word for word (a test checks), so a member
is hidden or pocket in the same way everywhere.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph import localtime, vocab

#: the derived status of member ``m`` living in community ``home`` (``null`` when unknown), as Cypher. The
#: relation and check-in are read outward from the member (pattern comprehensions): an EXISTS subquery may be
#: planned from ``home`` inward, over every node IN_DIVISION the community (its work orders: 3.9 M db hits for
#: 265 members of the 10^5 demo set, against a few thousand this way)
DERIVED_STATUS = """CASE
       WHEN m.transferOutOn IS NOT NULL AND m.transferInOn IS NULL
            AND m.transferOutOn <= date($asOf) - duration({months: $pocketMonths}) THEN 'pocket'
       WHEN home IS NOT NULL AND size([(m)-[:MEMBER_OF]->(:PartyOrganization)-[:IN_DIVISION]->(dv) | dv]) > 0
            AND NOT home IN [(m)-[:MEMBER_OF]->(:PartyOrganization)-[:IN_DIVISION]->(dv) | dv]
            AND NOT home IN [(m)-[:REPORTED_TO]->(dv) | dv] THEN 'hidden'
       WHEN m.status = 'flowing' THEN 'flowing'
       ELSE 'normal'
     END"""
#: the named queries that count members by derived status (each carries :data:`DERIVED_STATUS`)
DERIVING_QUERIES = ("members_by_area", "compound_detail", "compound_five_step_evidence",
                    "coconstruction_member_status", "org_party_detail")


class MemberRules(BaseSettings):
    """The configurable part of the rules (environment ``GRIDLINK_MEMBER_*``)."""

    model_config = SettingsConfigDict(env_prefix="GRIDLINK_MEMBER_", env_file=".env", extra="ignore")

    # months after a transfer was issued without being received before the member counts as pocket (口袋)
    pocket_months: int = Field(default=6, ge=1, le=120)

    def params(self, as_of: dt.date | None = None) -> dict[str, Any]:
        """The parameters of ``members_by_area.cypher`` for the day ``as_of`` (default: today in Beijing)."""
        return {**self.status_params(as_of), "bands": list(vocab.AGE_BANDS)}

    def status_params(self, as_of: dt.date | None = None) -> dict[str, Any]:
        """``asOf`` and ``pocketMonths``: what :data:`DERIVED_STATUS` needs, for the day ``as_of`` (default:
        today in Beijing)."""
        return {"asOf": (as_of or localtime.today()).isoformat(), "pocketMonths": self.pocket_months}


@lru_cache(maxsize=1)
def get_member_rules() -> MemberRules:
    """The rules, read from the environment on first use."""
    return MemberRules()


def reset_member_rules() -> None:
    """Forget the cached rules (tests change the environment)."""
    get_member_rules.cache_clear()
