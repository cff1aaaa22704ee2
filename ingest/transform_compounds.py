"""Transforms below the grid (issue #12): compounds (小区名录), owners' committees (业委会备案) and 12345 work orders.

Compound identity (graph/MODEL.md): the registry's 小区编码 when the export has one, else
``c:`` + sha1(normalized name | code of the division it is placed in)[:16] (:func:`ingest.compound_index.compound_key`;
the division is the community named by 所属社区, its grid's community, or the one found in the address). Rows of
the other kinds name a compound by that code or by 小区名称 within their community (:mod:`ingest.compound_index`).

Work orders: the caller's name and phone are not in the profile, so they are never read; the free text the profile
does read (address, handling unit) has phone and ID numbers masked before it is stored (:func:`mask_personal`).
"""

from __future__ import annotations

import re
from typing import Any

from graph import vocab as v
from ingest.cells import name_norm, parse_date
from ingest.codes import check_uscc, pad_division
from ingest.compound_index import CompoundInfo, compound_key
from ingest.records import Issue, Lookup, Record, RowReject
from ingest.transform import MAX_KEY, Context, Fields, hashed_uid, place

COMPOUND_TYPES = v.word_map(v.COMPOUND_TYPES)
MANAGEMENT_MODES = v.word_map(v.MANAGEMENT_MODES)
COMMITTEE_TYPES = v.word_map(v.COMMITTEE_TYPES)
WORK_ORDER_CATEGORIES = v.word_map(v.WORK_ORDER_CATEGORIES)
WORK_ORDER_STATUSES = v.word_map(v.WORK_ORDER_STATUSES)
SATISFACTION = v.word_map(v.SATISFACTION)
#: 业委会成立情况 words -> whether the compound reports a committee
_COMMITTEE_REPORTED = {"已成立": True, "成立": True, "是": True, "有": True, "已备案": True,
                       "未成立": False, "否": False, "无": False, "未备案": False, "筹备中": False}
# an 11-digit mainland mobile number, or an 18-character resident ID number (17 digits + digit/X)
_PERSONAL = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|\d{17}[\dXx])(?!\d)")


def mask_personal(text: str | None) -> str | None:
    """Free text with mobile phone and resident ID numbers replaced by ``*`` of the same length."""
    if text is None:
        return None
    return _PERSONAL.sub(lambda m: "*" * len(m.group(0)), text)


def _word(f: Fields, name: str, table: dict[str, str], fallback: str | None) -> tuple[str | None, str | None]:
    """``(key, raw word)``: an unknown word is flagged and stored as ``fallback`` with the raw word kept."""
    raw = f.text(name)
    if raw is None:
        return None, None
    key = table.get(raw) or table.get(raw.replace("（", "(").replace("）", ")"))
    if key is None:
        f.issues.append(Issue("flagged", name, f"unknown value {raw!r}; stored as {fallback}"))
    return key or fallback, raw


def _community_text(f: Fields) -> tuple[str | None, str | None]:
    """所属社区 as ``(code, name)``: a 6/9/12-digit value is a code, anything else a name."""
    raw = f.text("community")
    if raw is None:
        return None, None
    code = pad_division(raw) if raw.isdigit() else None
    return (code, None) if code else (None, raw)


def _place_with_community(rec: Record, f: Fields, ctx: Context, address: str | None) -> str | None:
    """Place like an organization (coordinates, grid/division code, address text), 所属社区 as a code or a name
    in front of the address; returns the division placed in (the community, normally)."""
    code, name = _community_text(f)
    if code and ctx.places.division(code) is None:
        raise RowReject("community", f"unknown division {code}: not in the loaded divisions (load them first "
                                     "with `gridlink ingest divisions`)")
    if code and "divisionCode" not in f.values:
        f.values["divisionCode"] = code
    place(rec, f, ctx, address=" ".join(t for t in (name, address) if t) or None)
    placed = rec.rels.get("inDivision")
    return str(placed[0]["k"]) if placed else None


def transform_compound(f: Fields, ctx: Context) -> Record:
    """A 小区名录 row -> Compound, MANAGES from its property-service enterprise (by credit code, else name)."""
    name = f.required("name")
    ctype, type_raw = _word(f, "type", COMPOUND_TYPES, "other")
    mode, mode_raw = _word(f, "managementMode", MANAGEMENT_MODES, None)
    reported_raw = f.text("committeeStatus")
    props: dict[str, Any] = {
        "name": name, "nameNorm": name_norm(name), "code": f.text("code", MAX_KEY),
        "alias": ";".join(f.multi("alias")) or None,
        "type": ctype, "typeRaw": type_raw, "managementMode": mode, "managementModeRaw": mode_raw,
        "households": f.int("households", 0, 1_000_000), "buildings": f.int("buildings", 0, 100_000),
        "yearBuilt": f.int("yearBuilt", 1400, 2100), "address": f.text("address"),
        "committeeStatus": reported_raw, "committeeReported": _COMMITTEE_REPORTED.get(reported_raw or ""),
    }
    rec = Record("compound", "", props)
    division = _place_with_community(rec, f, ctx, props["address"])
    props["communityCode"] = division
    props["nameKey"] = compound_key(props["nameNorm"], division)
    rec.key = props["code"] or props["nameKey"]
    props["uid"] = rec.key
    link = {"mode": mode or "company", "since": f.date("contractStart"), "until": f.date("contractEnd")}
    uscc, company = f.text("propertyUscc"), f.text("propertyName")
    if uscc:
        rec.lookups.append(Lookup("managedBy", "Organization", "uscc", check_uscc(uscc).code or uscc,
                                  "propertyUscc", props=link))
    elif company:
        rec.lookups.append(Lookup("managedBy", "Organization", "nameNorm", name_norm(company), "propertyName",
                                  props=link))
    if mode in ("company", "unit") and not (uscc or company):
        f.issues.append(Issue("flagged", "propertyName", "物业服务方式 names a manager but no company is given"))
    return rec


def compound_of(f: Fields, ctx: Context, community: str | None, required: bool = False,
                echo: bool = True) -> CompoundInfo | None:
    """The compound a row names (小区编码, else 小区名称 within ``community``); a reject when ``required``.

    ``echo=False`` leaves the name out of the warning (rows of personal data: reports carry no value of them).
    """
    code, name = f.text("compoundCode", MAX_KEY), f.text("compound", MAX_KEY)
    for ref, fld in ((code, "compoundCode"), (name, "compound")):
        if ref:
            hit = ctx.compounds.find(ref, community)
            if hit is not None:
                return hit
            where = f" in division {community}" if community else ""
            if not echo:
                ref, where = "(as written)", ""
            if required:
                raise RowReject(fld, f"no compound {ref!r}{where}: load it first with `gridlink ingest compounds`")
            f.issues.append(Issue("warning", fld, f"no compound {ref!r}{where}; placed to its grid/community"))
    if required and not (code or name):
        raise RowReject("compound", "required value is empty (小区名称 or 小区编码)")
    return None


def _in_compound(rec: Record, hit: CompoundInfo) -> None:
    rec.add_rel("inCompound", hit.uid)
    if hit.grid and not rec.rels.get("inGrid"):
        rec.add_rel("inGrid", hit.grid)
    if hit.community and not rec.rels.get("inDivision"):
        rec.add_rel("inDivision", hit.community)


def transform_work_order(f: Fields, ctx: Context) -> Record:
    """A 12345 工单 row -> WorkOrder, IN_COMPOUND by compound name (or address text), else IN_GRID/IN_DIVISION."""
    uid = f.required("id")
    category, category_raw = _word(f, "category", WORK_ORDER_CATEGORIES, "other")
    if category is None:
        raise RowReject("category", "required value is empty (问题类别)")
    status, status_raw = _word(f, "status", WORK_ORDER_STATUSES, None)
    satisfaction, satisfaction_raw = _word(f, "satisfaction", SATISFACTION, None)
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
    division = _place_with_community(rec, f, ctx, props["address"])
    hit = compound_of(f, ctx, division)
    how = "compound-name"
    if hit is None and props["address"]:
        hit, how = ctx.compounds.in_address(props["address"], division), "compound-address"
    if hit is not None:
        _in_compound(rec, hit)
        props["placement"] = how
        rec.issues = [i for i in rec.issues if i.kind != "unplaced"]
    return rec


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
    code, cname = _community_text(f)
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
        "committeeType": f.lookup("committeeType", COMMITTEE_TYPES, default="owners_committee"),
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
