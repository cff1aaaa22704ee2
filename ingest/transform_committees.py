"""The owner-committees kind: 业主委员会 / 物业管理委员会 filings -> an OwnersCommittee that REPRESENTS its compound.

Cross-appointments (交叉任职) are an aggregate: how many committee members are party members. The committee's
members (主任 included) are not in the profile, so no name is ever read.
"""

from __future__ import annotations

import re
from typing import Any

from ingest import vocab
from ingest.cells import name_norm, parse_date
from ingest.codes import check_uscc
from ingest.records import Issue, Record
from ingest.transform import MAX_KEY, Context, Fields, hashed_uid
from ingest.transform_compounds import community_text, compound_of


def _term(f: Fields) -> tuple[Any, Any]:
    """Term start/end from their own columns, else from a 届期 like ``2023-01-01至2026-12-31``."""
    start, end = f.date("termStart"), f.date("termEnd")
    text = f.text("term")
    if text and not (start or end):
        parts = re.split(r"\s*(?:至|到|~|—|–)\s*", text)
        try:
            if len(parts) != 2:
                raise ValueError(text)
            start, end = parse_date(parts[0]), parse_date(parts[1])
        except ValueError:
            f.issues.append(Issue("flagged", "term", f"cannot read {text!r} as a term (use 2023-01-01至2026-12-31)"))
    return start, end


def transform_owner_committee(f: Fields, ctx: Context) -> Record:
    """A 业委会备案 row -> OwnersCommittee (an Organization) REPRESENTS its compound for its term.

    The party-member count is an aggregate (交叉任职: how many committee members are party members); the
    committee's members are never read by name.
    """
    code, cname = community_text(f)
    found = ctx.places.match_address(cname) if cname else None
    community = code or (found.code if found else None)
    hit = compound_of(f, ctx, community, required=True)
    assert hit is not None
    name = f.text("name", MAX_KEY) or f"{f.text('compound', MAX_KEY) or hit.name_norm}业主委员会"
    check = check_uscc(f.text("uscc", MAX_KEY))
    if check.code is not None and not check.valid:
        f.issues.append(Issue("flagged", "uscc", f"credit code {check.code}: {check.issue}"))
    start, end = _term(f)
    props: dict[str, Any] = {
        "kind": "owners_committee", "name": name, "nameNorm": name_norm(name), "alias": None,
        "uscc": check.code, "usccValid": check.valid if check.code else None, "usccIssue": check.issue,
        "committeeType": f.lookup("committeeType", vocab.COMMITTEE_TYPES, default="owners_committee"),
        "foundedOn": f.date("foundedOn"), "termStart": start, "termEnd": end, "termRaw": f.text("term"),
        "memberCount": f.int("memberCount", 0, 1000), "partyMemberCount": f.int("partyMemberCount", 0, 1000),
        "status": None, "statusRaw": None, "placement": "compound",
    }
    if (props["memberCount"] is not None and props["partyMemberCount"] is not None
            and props["partyMemberCount"] > props["memberCount"]):
        f.issues.append(Issue("flagged", "partyMemberCount", "more party members than committee members"))
    key = check.code if check.code and check.usable else hashed_uid(props["nameNorm"], hit.uid)
    props["uid"] = key
    rec = Record("owners_committee", key, props)
    rec.add_rel("represents", hit.uid, {"termStart": start, "termEnd": end})
    if hit.grid:
        rec.add_rel("inGrid", hit.grid)
    if hit.community:
        rec.add_rel("inDivision", hit.community)
    return rec
