"""Transforms of memberships (兼职委员, alliance members, 双报到) and party members (personal data).

Party member rows: the ID number becomes the pseudonymous uid here and is dropped; reject reasons never carry a
value of these rows (only the column and why).
"""

from __future__ import annotations

import hashlib

from graph import localtime
from ingest import vocab
from ingest.cells import name_norm
from ingest.codes import check_uscc
from ingest.member_facts import age_band, birth_date_from_id
from ingest.pseudonym import member_uid, normalize_id_number
from ingest.records import Issue, Lookup, Record, RowReject
from ingest.transform import Context, Fields, area_ref, division_ref, grid_ref
from ingest.transform_compounds import compound_of


def transform_membership(f: Fields, ctx: Context) -> Record:
    """A membership row -> MEMBER_OF an alliance (created as needed, COVERS its areas) or REPORTED_TO."""
    kind = f.lookup("type", vocab.MEMBERSHIP_TYPES, reject=True)
    if kind is None:
        raise RowReject("type", "required value is empty")
    rec: Record
    if kind == "dual_report":
        code = division_ref(f, ctx, "reportedTo")
        if code is None:
            raise RowReject("reportedTo", "a 双报到 row needs the community code it reports to")
        rec = Record("reported_to", "", {"on": f.date("date")}, extra={"to": code})
    else:
        alliance_id, alliance_name = f.text("allianceId"), f.text("allianceName")
        if not alliance_id and not alliance_name:
            raise RowReject("allianceName", "a 兼职委员/联盟成员 row needs the organization id or name")
        basis = f"id|{alliance_id}" if alliance_id else f"name|{name_norm(alliance_name or '')}"
        uid = "al:" + hashlib.sha1(basis.encode(), usedforsecurity=False).hexdigest()[:16]
        default_kind = "community_committee" if kind == "committee" else "regional"
        target = {"name": alliance_name, "kind": f.lookup("allianceKind", vocab.ALLIANCE_KINDS,
                                                          default=default_kind, reject=True),
                  "allianceId": alliance_id}
        rec = Record("member_of", "", {"role": f.text("role"), "since": f.date("date"),
                                       "type": kind}, extra={"to": uid, "target": target})
        for code in f.multi("coversCode"):
            area, key = area_ref(ctx, code, "coversCode")
            rec.add_rel("coversDivision" if area == "division" else "coversGrid", key)
    uscc, name = f.text("orgUscc"), f.text("orgName")
    if uscc:
        rec.lookups.append(Lookup("from", "Organization", "uscc", check_uscc(uscc).code or uscc, "orgUscc",
                                  required=not name))
    if name:
        rec.lookups.append(Lookup("from", "Organization", "nameNorm", name_norm(name), "orgName",
                                  required=True))
    if not uscc and not name:
        raise RowReject("orgUscc", "the unit's credit code or name is required")
    return rec


def transform_party_member(f: Fields, ctx: Context) -> Record:
    """A party member row -> PartyMember keyed by HMAC of the ID number (the number itself is dropped).

    Kept besides the imported status (issue #13, docs/members.md): the age band (from 出生日期, else from the ID
    number before it is hashed), the residence (compound, else grid, else community: ``RESIDES_IN`` the compound,
    ``IN_GRID``, ``IN_DIVISION`` the community), the organizational relation (``MEMBER_OF``), the workplace
    (``WORKS_AT`` the organization named by 工作单位 or its credit code), the community
    check-in (``REPORTED_TO`` + ``reportedOn``) and the dates of a relation transfer. The address is only read to
    place the member; it is not stored.
    """
    raw = f.values.get("idNumber")
    if raw is None:
        raise RowReject("idNumber", "required value is empty")
    id_number = normalize_id_number(str(raw))
    if id_number is None:
        raise RowReject("idNumber", "not a valid resident ID number (length or check digit)")
    uid = member_uid(ctx.pseudonym_key, id_number)
    on = ctx.as_of or localtime.today()  # Beijing's date, not the server's
    birth = f.date("birthDate") or birth_date_from_id(id_number)
    band = age_band(birth, on) if birth else None
    if band is None:
        f.issues.append(Issue("warning", "birthDate", "no birth date in 出生日期 or the ID number; no age band"))
    props = {"uid": uid, "name": f.text("name"), "phone": f.text("phone"),
             "status": f.lookup("status", vocab.MEMBER_STATUS, default="normal"),
             "reportedOn": f.date("reportedOn"), "ageBand": band, "ageBandOn": on if band else None,
             "transferOutOn": f.date("transferOutOn"), "transferInOn": f.date("transferInOn")}
    rec = Record("party_member", uid, props)
    reported = division_ref(f, ctx, "reportedTo")
    if reported:
        rec.add_rel("reportedTo", reported)
    _place_residence(rec, f, ctx, reported)
    if org := f.text("partyOrg"):
        rec.lookups.append(Lookup("memberOf", "PartyOrganization", "partyOrgId|nameNorm", org, "partyOrg"))
    # workplace (工作单位): by credit code, else by name; not found is a warning without the value
    if uscc := f.text("workplaceUscc"):
        rec.lookups.append(Lookup("worksAt", "Organization", "uscc", check_uscc(uscc).code or uscc, "workplaceUscc"))
    elif workplace := f.text("workplace"):
        rec.lookups.append(Lookup("worksAt", "Organization", "nameNorm", name_norm(workplace), "workplace"))
    return rec


def _place_residence(rec: Record, f: Fields, ctx: Context, reported: str | None) -> None:
    """Residence: the compound (with its grid and community), else the grid, else the community (居住社区编码,
    else a community named in 居住地址); ``residencePlacement`` says which. The check-in community is only a
    hint for finding a compound by name, never the residence itself."""
    grid = grid_ref(f, ctx, "gridCode")
    community = division_ref(f, ctx, "residenceCode", ("community",))
    if community is None and grid:
        community = ctx.places.grids[grid].community_code
    # residence: 找党员 counts members by the compound they live in
    hit = compound_of(f, ctx, community or reported, echo=False)
    placement = "unplaced"
    if hit:
        rec.add_rel("residesIn", hit.uid)
        grid, community, placement = grid or hit.grid, community or hit.community, "compound"
    elif grid:
        placement = "grid"
    if community is None and (address := f.text("address")):
        match = ctx.places.match_address(address)
        community = match.code if match is not None and match.level == "community" else None
    if placement == "unplaced" and community:
        placement = "community"
    if grid:
        rec.add_rel("inGrid", grid)
    if community:
        rec.add_rel("inDivision", community)
    rec.props["residencePlacement"] = placement
