"""Transforms of the three-level linkage (三级联动, issue #13; docs/linkage.md): part-time members of enlarged
committees (兼职委员名单) and the street office departments' 包联 responsibilities (包联责任表).

A part-time member is kept as its unit and seat only: ``(unit)-[:PART_TIME_MEMBER_OF {role, since}]->(大工委/大党委)``
— the member's name is not in the profile, so it is never read. A 包联 row is one department answering for one
community or grid: ``(:Department)-[:RESPONSIBLE_FOR {role, personName, since}]->(area)``; the responsible
person's name is personal data (planners only in the API, never in a report or a log: the kind's ``personal``).
"""

from __future__ import annotations

import hashlib

from ingest import vocab
from ingest.cells import name_norm
from ingest.codes import check_uscc
from ingest.records import Issue, Lookup, Record, RowReject
from ingest.transform import MAX_KEY, Context, Fields, area_ref, division_ref


def _unit_lookups(rec: Record, f: Fields, slot: str, uscc_field: str, name_field: str, required: bool) -> bool:
    """Find an organization by credit code, else by normalized name; whether the row names one."""
    uscc, name = f.text(uscc_field), f.text(name_field)
    if uscc:
        rec.lookups.append(Lookup(slot, "Organization", "uscc", check_uscc(uscc).code or uscc, uscc_field,
                                  required=required and not name))
    if name:
        rec.lookups.append(Lookup(slot, "Organization", "nameNorm", name_norm(name), name_field, required=required))
    return bool(uscc or name)


def transform_committee_member(f: Fields, ctx: Context) -> Record:
    """A 兼职委员 row -> ``(unit)-[:PART_TIME_MEMBER_OF]->(enlarged committee)``; both found in the graph (the
    committee among the party organizations of category 大工委/大党委, loaded by ``party-orgs``)."""
    committee_id, committee_name = f.text("committeeId", MAX_KEY), f.text("committeeName", MAX_KEY)
    if not committee_id and not committee_name:
        raise RowReject("committeeName", "the enlarged committee (大工委/大党委) is required: its id or name")
    role = f.lookup("role", vocab.COMMITTEE_ROLES, default="part_time_member", reject=True)
    rec = Record("part_time_member", "", {"role": role, "since": f.date("since")})
    if not _unit_lookups(rec, f, "from", "orgUscc", "orgName", required=True):
        raise RowReject("orgUscc", "the member's unit is required: its credit code or name")
    if committee_id:
        rec.lookups.append(Lookup("to", "EnlargedCommittee", "partyOrgId", committee_id, "committeeId"))
    if committee_name:
        rec.lookups.append(Lookup("to", "EnlargedCommittee", "nameNorm", name_norm(committee_name),
                                  "committeeName"))
    return rec


def department_uid(street_code: str, name: str) -> str:
    """``d:`` + 16 hex of sha1(street code | normalized name): a department of one street office."""
    basis = f"{street_code}|{name_norm(name)}"
    return "d:" + hashlib.sha1(basis.encode(), usedforsecurity=False).hexdigest()[:16]


def transform_responsibility(f: Fields, ctx: Context) -> Record:
    """A 包联 row -> ``(:Department)-[:RESPONSIBLE_FOR]->(community or grid)``; the department (a unit of the
    street office: ``IN_DIVISION`` its street, ``UNIT_OF`` the office when named) is created as needed."""
    name = f.required("department")
    codes = f.multi("areaCode")
    if not codes:
        raise RowReject("areaCode", "required value is empty: the community or grid code the department answers for")
    if len(codes) > 1:
        raise RowReject("areaCode", "one 包联 community or grid per row (write one row per area)")
    area, key = area_ref(ctx, codes[0], "areaCode")
    if area == "division":
        level = ctx.places.divisions[key].level
        if level != "community":
            raise RowReject("areaCode", f"a department answers for a community or a grid, not a {level}")
        community: str | None = key
    else:
        community = ctx.places.grids[key].community_code
    parent = ctx.places.divisions.get(community or "")
    street = parent.parent if parent else None
    given = division_ref(f, ctx, "streetCode", ("street",))
    if given and street and given != street:
        raise RowReject("streetCode", "the 包联 area is not in this street")
    street = street or given
    if street is None:
        raise RowReject("streetCode", "the street of the department is unknown (give 街道编码)")
    dtype = vocab.DEPARTMENT_TYPES.get(name)
    if dtype is None:
        f.issues.append(Issue("flagged", "department", "not a known department name (graph/vocab.py "
                                                      "DEPARTMENT_TYPES); its type is stored as other"))
    uid = department_uid(street, name)
    target = {"uid": uid, "name": name, "nameNorm": name_norm(name), "type": dtype or "other",
              "streetCode": street}
    props = {"role": f.lookup("role", vocab.RESPONSIBLE_ROLES, default="head", reject=True),
             "personName": f.text("personName"), "since": f.date("since")}
    rec = Record("responsible_division" if area == "division" else "responsible_grid", "", props,
                 extra={"from": key, "to": uid, "target": target})
    rec.add_rel("street", street)
    _unit_lookups(rec, f, "office", "officeUscc", "officeName", required=False)
    return rec
