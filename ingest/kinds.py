"""Which transform serves which kind, and what a kind implies for the run."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ingest.records import Record
from ingest.transform import Context, Fields
from ingest.transform_areas import transform_division, transform_grid
from ingest.transform_compounds import transform_compound, transform_owner_committee, transform_work_order
from ingest.transform_lists import transform_agreement, transform_need, transform_project, transform_resource
from ingest.transform_orgs import transform_org, transform_party_org
from ingest.transform_people import transform_membership, transform_party_member

Transform = Callable[[Fields, Context], Record]

TRANSFORMS: dict[str, Transform] = {
    "divisions": transform_division,
    "grids": transform_grid,
    "enterprises": partial(transform_org, "enterprises"),
    "public-units": partial(transform_org, "public-units"),
    "social-orgs": partial(transform_org, "social-orgs"),
    "compounds": transform_compound,
    "party-orgs": transform_party_org,
    "owner-committees": transform_owner_committee,
    "resources": transform_resource,
    "needs": transform_need,
    "projects": transform_project,
    "agreements": transform_agreement,
    "memberships": transform_membership,
    "party-members": transform_party_member,
    "work-orders": transform_work_order,
}

#: kinds whose nodes are organizations: --snapshot and duplicate (SAME_AS) detection apply
ORG_KINDS = frozenset({"enterprises", "public-units", "social-orgs", "party-orgs"})
#: kinds whose rows never hold personal data values in reports or logs
PERSONAL_KINDS = frozenset({"party-members"})
#: kinds that need the divisions/grids snapshot
NEEDS_PLACES = frozenset(TRANSFORMS) - {"divisions"}
#: kinds whose rows name a compound (by code or by name within their community): the compounds snapshot
NEEDS_COMPOUNDS = frozenset({"party-orgs", "owner-committees", "needs", "party-members", "work-orders"})


def transform(kind: str, values: dict[str, object], ctx: Context) -> Record:
    """Run the kind's transform; issues found while reading fields are attached to the record.

    Raises:
        RowReject: the row cannot be loaded.
    """
    f = Fields(values)
    rec = TRANSFORMS[kind](f, ctx)
    rec.issues.extend(f.issues)
    return rec
