"""Transforms of the organization kinds: enterprises, public units, social organizations, party organizations.

Identity (graph/MODEL.md): the unified social credit code when it has the 18-character shape (even when a check
character fails: pilot-era codes are real), else ``n:`` + sha1(normalized name | division code)[:16].
"""

from __future__ import annotations

from typing import Any

from graph.names import org_short_name, party_short_name
from ingest import vocab
from ingest.cells import name_norm
from ingest.codes import check_uscc
from ingest.records import Issue, Lookup, Record, RowReject
from ingest.transform import MAX_KEY, Context, Fields, area_ref, division_ref, hashed_uid, place
from ingest.transform_compounds import compound_of


def present_keys(values: dict[str, Any]) -> tuple[str | None, str | None]:
    """What a rejected organization row still names: ``(uid, None)`` from a usable credit code, else
    ``(None, normalized name)``, else ``(None, None)``."""
    raw_code, raw_name = values.get("uscc"), values.get("name")
    check = check_uscc(str(raw_code)[:MAX_KEY]) if raw_code else None
    if check is not None and check.usable:
        return check.code, None
    return None, (name_norm(str(raw_name)) or None) if raw_name else None


def _identity(f: Fields, kind: str) -> tuple[str | None, dict[str, Any], list[Issue]]:
    """Name, code properties and issues shared by every organization kind (``kind``: the ``kind`` property)."""
    name = f.required("name")
    issues: list[Issue] = []
    check = check_uscc(f.text("uscc", MAX_KEY))
    if check.code is not None and not check.valid:
        issues.append(Issue("flagged", "uscc", f"credit code {check.code}: {check.issue}"))
    props: dict[str, Any] = {
        "kind": kind, "name": name, "nameNorm": name_norm(name), "alias": None,
        "uscc": check.code, "usccValid": check.valid if check.code else None, "usccIssue": check.issue,
    }
    return (check.code if check.usable else None), props, issues


def transform_org(spec: str, text_fields: tuple[str, ...], types: dict[str, str] | None, f: Fields,
                  ctx: Context) -> Record:
    """enterprises / public-units / social-orgs -> an Organization record.

    Args:
        spec: the write spec, also the organizations' ``kind`` property (``enterprise``…).
        text_fields: the kind's own text fields, stored as they are (``scope``, ``sponsor``…).
        types: the registry's type words (``orgType``) when they are a closed list: another word is rejected.
    """
    uscc, props, issues = _identity(f, spec)
    if types is not None:
        _check_type(f, types)
    status_raw = f.text("status")
    props.update({
        "shortName": org_short_name(props["name"]),  # the caption (graph/names.py)
        "status": _status(f, status_raw) if status_raw else None,
        "statusRaw": status_raw,
        "address": f.text("address"),
        "foundedOn": f.date("foundedOn"),
        "staffCount": f.int("staffCount", 0, 10_000_000) if "staffCount" in f.values else None,
    })
    for name in text_fields:
        props[name] = f.text(name)
    if props.get("industry"):
        _industry(f, props)
    rec = Record(spec, "", props, issues=issues)
    place(rec, f, ctx, address=props["address"])
    rec.key = uscc or hashed_uid(props["nameNorm"], _uid_division(f, rec))
    rec.props["uid"] = rec.key
    return rec


def _status(f: Fields, raw: str) -> str:
    """The status key of a 登记状态 wording (bracketed forms too); ``UNKNOWN``, flagged, when unknown."""
    status = vocab.org_status(raw)
    if status is None:
        f.issues.append(Issue("flagged", "status", f"unknown value {raw!r}"))
        return "UNKNOWN"
    return status


def _industry(f: Fields, props: dict[str, Any]) -> None:
    """``industry`` as its GB/T 4754 code (graph/MODEL.md); the text as written in ``industryRaw`` when it was not
    a code already, and a flag when it is no section name either (the code is then left empty)."""
    raw = props["industry"]
    code = vocab.industry_code(raw)
    props["industry"] = code
    if code != raw.strip().upper():  # a name, not a code in another case
        props["industryRaw"] = raw
    if code is None:
        f.issues.append(Issue("flagged", "industry", f"{raw!r} is not a GB/T 4754 code or section name; "
                                                     "kept in industryRaw"))


def _check_type(f: Fields, types: dict[str, str]) -> None:
    """Reject a type word outside the registry's list (``社会组织类型`` ``其他组织``)."""
    word = f.text("orgType")
    if word is not None and word not in types and word.lower() not in types:
        expected = ", ".join(dict.fromkeys(types.values()))
        raise RowReject("orgType", f"unknown type {word!r} (expected one of: {expected})")


def _uid_division(f: Fields, rec: Record) -> str | None:
    """The division part of a hashed id: the row's own division code, else where it was placed."""
    placed = rec.rels.get("inDivision")
    explicit = division_ref_text(f)
    return explicit or (placed[0]["k"] if placed else None)


def _placed_division(rec: Record) -> str | None:
    placed = rec.rels.get("inDivision")
    return str(placed[0]["k"]) if placed else None


def _enlargement(rec: Record, f: Fields, category: str) -> None:
    """A 大工委/大党委 is its base committee enlarged with part-time members (三级联动, docs/linkage.md): it names
    the committee it ENLARGES (linked in pass 2 with the parents, :mod:`ingest.parents`) and leads no area itself:
    the base committee does, so the chain finds one committee per area."""
    base = f.text("enlarges")
    if category in vocab.ENLARGED_CATEGORIES:
        if not base:
            raise RowReject("enlarges", f"a {category} row needs the base committee it enlarges (its id or name)")
        if f.multi("leadsCode"):
            raise RowReject("leadsCode", f"a {category} leads no area itself: its base committee does (leave "
                                         "领导区域编码 empty)")
        rec.lookups.append(Lookup("enlarges", "PartyOrganization", "partyOrgId|nameNorm", base, "enlarges"))
    elif base:
        raise RowReject("enlarges", f"only a 大工委 or 大党委 enlarges another committee, not a {category}")


def division_ref_text(f: Fields) -> str | None:
    """The row's division code as written (padded), without checking it."""
    from ingest.codes import pad_division

    return pad_division(f.text("divisionCode"))


def transform_party_org(f: Fields, ctx: Context) -> Record:
    """party-orgs -> a PartyOrganization record (host units and parent resolved later by lookup)."""
    uscc, props, issues = _identity(f, "party_org")
    category = f.required("category")
    category = vocab.PARTY_CATEGORY_ALIASES.get(category, category)
    if category not in vocab.PARTY_CATEGORIES:
        raise RowReject("category", f"unknown party organization category {category!r} "
                                    f"(expected {', '.join(sorted(vocab.PARTY_CATEGORIES))})")
    props.update({
        "partyOrgId": f.text("id", MAX_KEY), "category": category, "shortName": party_short_name(props["name"]),
        "memberCount": f.int("memberCount", 0, 1_000_000),
        "secretaryName": f.text("secretaryName"), "contactPhone": f.text("contactPhone"),
        "address": f.text("address"), "status": None, "statusRaw": None,
    })
    rec = Record("party_org", "", props, issues=issues)
    place(rec, f, ctx, address=props["address"])
    _enlargement(rec, f, category)
    for code in f.multi("leadsCode"):
        area, key = area_ref(ctx, code, "leadsCode")
        rec.add_rel("leadsDivision" if area == "division" else "leadsGrid", key)
    parent = f.text("parent")
    if parent:
        rec.lookups.append(Lookup("parent", "PartyOrganization", "partyOrgId|nameNorm",
                                  parent, "parent"))
    for code in f.multi("hostUscc"):
        c = check_uscc(code).code or code
        rec.lookups.append(Lookup("hosts", "Organization", "uscc", c, "hostUscc"))
    for host in f.multi("hostName"):
        rec.lookups.append(Lookup("hosts", "Organization", "nameNorm", name_norm(host), "hostName"))
    division = division_ref(f, ctx, "divisionCode") if "divisionCode" in f.values else None
    hit = compound_of(f, ctx, division or _placed_division(rec))
    if hit is not None:  # a 小区党支部 / 楼栋党小组
        rec.add_rel("leadsCompound", hit.uid)
    rec.key = uscc or hashed_uid(props["nameNorm"], division or _uid_division(f, rec))
    rec.props["uid"] = rec.key
    return rec
