"""``workOrders``: the 12345 work orders of a compound (issue #12), the complaint text for planners only.

One named query (``queries/compound_work_orders.cypher``). The text is stored with phone and ID numbers and the
caller's own name and phone masked (:mod:`ingest.transform_work_orders`); even so it is free text about a person's
complaint, so roles below planner get ``null`` — the query itself leaves it out unless asked for it.
"""

from __future__ import annotations

from datetime import date

import strawberry

from api import args, db
from api.context import Context
from api.errors import InputError, NotFoundError
from api.types.compounds import CompoundWorkOrders
from graph import vocab

Info = strawberry.Info[Context, None]
CATEGORIES = frozenset(vocab.WORK_ORDER_CATEGORIES)
MAX_ORDERS = 200


@strawberry.type
class WorkOrderQuery:
    @strawberry.field(description=(
        "The 12345 work orders of a compound, newest first: category (property, environment, noise, parking, "
        "safety, facilities, neighbour, other), received in [since, until], at most limit (1-200). content, the "
        "complaint text with phone and ID numbers and the caller's name and phone masked, is null for roles below "
        "planner. No caller name or phone is stored anywhere."))
    async def work_orders(self, info: Info, compound_code: str, category: str | None = None,
                          since: date | None = None, until: date | None = None,
                          limit: int = 20) -> CompoundWorkOrders | None:
        if not 0 < len(compound_code.strip()) <= 500:
            raise InputError("compoundCode must be a compound uid (1-500 characters)", field="compoundCode")
        if not 1 <= limit <= MAX_ORDERS:
            raise InputError(f"limit must be between 1 and {MAX_ORDERS}", field="limit")
        if since and until and since > until:
            raise InputError("since must not be after until", field="since")
        rows = await db.read("compound_work_orders", {
            "uid": compound_code.strip(), "category": args.one_of(category, CATEGORIES, "category"),
            "since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
            "limit": limit, "personal": info.context.personal})
        if not rows:
            raise NotFoundError(f"compoundCode: no compound {compound_code.strip()}", field="compoundCode")
        return rows[0]  # type: ignore[return-value]
