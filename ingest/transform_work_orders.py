"""The work-orders kind: 12345 hotline 工单 exports (and grid events) -> WorkOrder, placed to a compound.

Personal data of the caller never enters the graph, the report or the log. The complaint text (诉求内容) is kept
as ``content`` — for planners only, the API returns null to other roles — with mobile phone and resident ID
numbers masked (:func:`~ingest.transform_compounds.mask_personal`), and the caller's own name and phone
(来电人, 来电号码) masked wherever they appear in it: those two cells are read for that alone, taken out of the row
before anything else sees it, and never stored. The other free text kept (address, handling unit, raw words) is
masked the same way. Work orders come by the million: the transform is a pure function of the row and the run's
snapshots, and the readers stream, so memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ingest import vocab
from ingest.compound_index import CompoundInfo
from ingest.records import Issue, Record, RowReject
from ingest.transform import Context, Fields
from ingest.transform_compounds import (
    compound_of,
    mask_personal,
    place_with_community,
    word,
)


def _in_compound(rec: Record, hit: CompoundInfo) -> None:
    rec.add_rel("inCompound", hit.uid)
    # the compound's uid on the order too: disputeHotspots counts the period's orders per compound from one
    # index (category, receivedOn, compoundUid) without walking a relationship per order
    rec.props["compoundUid"] = hit.uid
    if hit.grid and not rec.rels.get("inGrid"):
        rec.add_rel("inGrid", hit.grid)
    if hit.community and not rec.rels.get("inDivision"):
        rec.add_rel("inDivision", hit.community)



#: the longest complaint text kept (a longer one is cut, not rejected: the order itself still counts)
MAX_CONTENT = 2000


def caller_mask(f: Fields) -> Callable[[str | None], str | None]:
    """Take 来电人 and 来电号码 out of the row; a masker of phone/ID numbers and of those two values."""
    secrets = []
    for name in ("callerName", "callerPhone"):
        value = f.values.pop(name, None)
        values = value if isinstance(value, list) else [value]
        secrets += [str(v).strip() for v in values if v is not None and len(str(v).strip()) >= 2]
    secrets.sort(key=len, reverse=True)

    def mask(text: str | None) -> str | None:
        masked = mask_personal(text)
        for secret in secrets:
            masked = masked.replace(secret, "*" * len(secret)) if masked else masked
        return masked

    return mask


def transform_work_order(f: Fields, ctx: Context) -> Record:
    """A 12345 工单 row -> WorkOrder, IN_COMPOUND by compound name (or address text), else IN_GRID/IN_DIVISION."""
    mask = caller_mask(f)  # first: nothing below sees the caller's name or phone
    uid = f.required("id")
    category, category_raw = word(f, "category", vocab.WORK_ORDER_CATEGORIES, "other", mask)
    if category is None:
        raise RowReject("category", "required value is empty (问题类别)")
    status, status_raw = word(f, "status", vocab.WORK_ORDER_STATUSES, None, mask)
    satisfaction, satisfaction_raw = word(f, "satisfaction", vocab.SATISFACTION, None, mask)
    raw_content = f.values.get("content")
    content = mask(";".join(map(str, raw_content)) if isinstance(raw_content, list) else
                   None if raw_content is None else str(raw_content))
    received = f.date("receivedAt")
    if received is None:
        f.issues.append(Issue("flagged", "receivedAt", "no received date: the order is left out of period counts"))
    props: dict[str, Any] = {
        "uid": uid, "receivedOn": received, "closedOn": f.date("closedAt"),
        "category": category, "categoryRaw": category_raw, "status": status, "statusRaw": status_raw,
        "satisfaction": satisfaction, "satisfactionRaw": satisfaction_raw,
        "handlingUnit": mask(f.text("handlingUnit")), "address": mask(f.text("address")),
        "content": content[:MAX_CONTENT] if content else None, "compoundUid": None,
    }
    rec = Record("work_order", uid, props)
    division = place_with_community(rec, f, ctx, props["address"])
    hit = compound_of(f, ctx, division)
    how = "compound-name"
    if hit is None and props["address"]:
        hit, how = ctx.compounds.in_address(props["address"], division), "compound-address"
    if hit is not None:
        _in_compound(rec, hit)
        props["placement"] = how
        rec.issues = [i for i in rec.issues if i.kind != "unplaced"]
    return rec
