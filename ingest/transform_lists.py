"""Transforms of the three lists and agreements: resources (资源清单), needs (需求清单), projects (项目清单),
agreements (共建协议). Their ``uid`` is the export's own id (资源编号, 需求编号, …)."""

from __future__ import annotations

import re

from graph.names import resource_short_name
from graph.vocab import CATEGORIES
from ingest import vocab
from ingest.cells import name_norm, parse_time
from ingest.codes import check_uscc
from ingest.records import Issue, Lookup, Record, RowReject
from ingest.transform import Context, Fields, division_ref, place
from ingest.transform_compounds import compound_of

_CATEGORY_WORDS = ", ".join(words[0] for words in CATEGORIES.values())


def _category(f: Fields) -> str:
    word = f.required("category")
    key = vocab.category_key(word)
    if key is None:
        raise RowReject("category", f"unknown category {word!r} (expected one of: {_CATEGORY_WORDS}, or a key)")
    return key


def _org(rec: Record, slot: str, f: Fields, uscc_field: str, name_field: str | None = None) -> None:
    for code in f.multi(uscc_field):
        rec.lookups.append(Lookup(slot, "Organization", "uscc", check_uscc(code).code or code, uscc_field))
    if name_field:
        for name in f.multi(name_field):
            rec.lookups.append(Lookup(slot, "Organization", "nameNorm", name_norm(name), name_field))


def _weekdays(f: Fields) -> list[int] | None:
    text = f.text("weekdays")
    if text is None:
        return None
    days: set[int] = set()
    for part in re.split(r"[,，、;；\s]+", text.replace("周", "").replace("星期", "")):
        m = re.fullmatch(r"([1-7])(?:[-~至到]([1-7]))?", part)
        if not m:
            f.issues.append(Issue("flagged", "weekdays", f"cannot read {text!r} (use 1-5 or 1,3,6)"))
            return None
        lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
        days.update(range(lo, hi + 1) if lo <= hi else [*range(lo, 8), *range(1, hi + 1)])
    return sorted(days)


def _hours(f: Fields) -> tuple[object, object]:
    text = f.text("hours")
    if text is None:
        return None, None
    parts = re.split(r"\s*[-~至到—–]\s*", text)
    try:
        if len(parts) != 2:
            raise ValueError(text)
        return parse_time(parts[0]), parse_time(parts[1])
    except ValueError:
        f.issues.append(Issue("flagged", "hours", f"cannot read {text!r} (use 09:00-17:00)"))
        return None, None


def transform_resource(f: Fields, ctx: Context) -> Record:
    """A 资源清单 row -> Resource, PROVIDES from its provider, placed like an organization."""
    uid = f.required("id")
    opens, closes = _hours(f)
    props = {
        "uid": uid, "name": f.required("name"), "category": _category(f),
        "shortName": resource_short_name(f.required("name"), f.text("providerName")),  # graph/names.py
        "description": f.text("description"), "capacity": f.text("capacity"),
        "availableFrom": f.date("availableFrom"), "availableTo": f.date("availableTo"),
        "weekdays": _weekdays(f), "opensAt": opens, "closesAt": closes,
        "serviceRadiusM": f.int("serviceRadiusM", 0, 1_000_000),
        "status": f.lookup("status", vocab.RESOURCE_STATUS, default="available"),
    }
    rec = Record("resource", uid, props)
    place(rec, f, ctx)
    _org(rec, "provider", f, "providerUscc", "providerName")
    return rec


def transform_need(f: Fields, ctx: Context) -> Record:
    """A 需求清单 row -> Need, RAISED_BY an organization when given."""
    uid = f.required("id")
    props = {
        "uid": uid, "title": f.required("title"), "category": _category(f),
        "description": f.text("description"), "publishedOn": f.date("publishedOn"),
        "neededBy": f.date("neededBy"), "urgency": f.lookup("urgency", vocab.URGENCY),
        "status": f.lookup("status", vocab.NEED_STATUS, default="open"),
    }
    rec = Record("need", uid, props)
    place(rec, f, ctx)
    placed = rec.rels.get("inDivision")
    if hit := compound_of(f, ctx, str(placed[0]["k"]) if placed else None):
        rec.add_rel("inCompound", hit.uid)
    _org(rec, "raisedBy", f, "raisedByUscc")
    return rec


def transform_project(f: Fields, ctx: Context) -> Record:
    """A 项目清单 row -> Project ADDRESSES need, USES resource, LED_BY organization."""
    uid = f.required("id")
    props = {
        "uid": uid, "name": f.required("name"),
        "status": f.lookup("status", vocab.PROJECT_STATUS, default="claimed"),
        "startedOn": f.date("startedOn"), "deliveredOn": f.date("deliveredOn"),
        "acceptedOn": f.date("acceptedOn"), "evaluation": f.text("evaluation"),
        "rating": f.int("rating", 1, 5),
    }
    rec = Record("project", uid, props)
    place(rec, f, ctx)
    if need := f.text("needId"):
        rec.lookups.append(Lookup("addresses", "Need", "uid", need, "needId"))
    if res := f.text("resourceId"):
        rec.lookups.append(Lookup("uses", "Resource", "uid", res, "resourceId"))
    _org(rec, "ledBy", f, "leadUscc")
    return rec


def transform_agreement(f: Fields, ctx: Context) -> Record:
    """A 共建协议 row -> Agreement SIGNED_BY organizations, COVERS a community or street."""
    uid = f.required("id")
    props = {"uid": uid, "title": f.required("title"), "signedOn": f.date("signedOn"),
             "validTo": f.date("validTo")}
    rec = Record("agreement", uid, props)
    code = division_ref(f, ctx, "divisionCode", levels=("community", "street"))
    if code:
        rec.add_rel("covers", code)
    # 协议类型: a joint mechanism of a compound's branch, owners' committee and property company (三方联动,
    # 优机制 of the five steps) covers the compound it names
    props["type"] = f.lookup("type", vocab.AGREEMENT_TYPES, default="co_construction", reject=True)
    hit = compound_of(f, ctx, code, required=props["type"] == "joint_mechanism")
    if hit is not None:
        rec.add_rel("coversCompound", hit.uid)
    _org(rec, "signedBy", f, "orgUscc", "orgName")
    return rec
