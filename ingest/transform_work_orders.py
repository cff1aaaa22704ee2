"""The work-orders kind: 12345 hotline 工单 exports (and grid events) -> WorkOrder, placed to a compound.

The caller's name and phone and the complaint text are not in the profile, so they are never read into a row; the
free text the profile does read (address, handling unit) has mobile phone and ID numbers masked before it is stored
(:func:`~ingest.transform_compounds.mask_personal`). Work orders come by the million: the transform is a pure
function of the row and the run's snapshots, and the readers stream, so memory stays bounded.
"""

from __future__ import annotations

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
    if hit.grid and not rec.rels.get("inGrid"):
        rec.add_rel("inGrid", hit.grid)
    if hit.community and not rec.rels.get("inDivision"):
        rec.add_rel("inDivision", hit.community)



def transform_work_order(f: Fields, ctx: Context) -> Record:
    """A 12345 工单 row -> WorkOrder, IN_COMPOUND by compound name (or address text), else IN_GRID/IN_DIVISION."""
    uid = f.required("id")
    category, category_raw = word(f, "category", vocab.WORK_ORDER_CATEGORIES, "other")
    if category is None:
        raise RowReject("category", "required value is empty (问题类别)")
    status, status_raw = word(f, "status", vocab.WORK_ORDER_STATUSES, None)
    satisfaction, satisfaction_raw = word(f, "satisfaction", vocab.SATISFACTION, None)
    received = f.date("receivedAt")
    if received is None:
        f.issues.append(Issue("flagged", "receivedAt", "no received date: the order is left out of period counts"))
    props: dict[str, Any] = {
        "uid": uid, "receivedOn": received, "closedOn": f.date("closedAt"),
        "category": category, "categoryRaw": category_raw, "status": status, "statusRaw": status_raw,
        "satisfaction": satisfaction, "satisfactionRaw": satisfaction_raw,
        "handlingUnit": mask_personal(f.text("handlingUnit")), "address": mask_personal(f.text("address")),
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
