"""The compounds kind (小区名录) and what the other kinds below the grid share: naming a compound, 所属社区, words.

Compound identity (graph/MODEL.md): the registry's 小区编码 when the export has one, else
``c:`` + sha1(normalized name | code of the division it is placed in)[:16] (:func:`ingest.compound_index.compound_key`;
the division is the community named by 所属社区, its grid's community, or the one found in the address). Rows of
the other kinds name a compound by that code or by 小区名称 within their community (:mod:`ingest.compound_index`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from ingest import vocab
from ingest.cells import name_norm
from ingest.codes import check_uscc, pad_division
from ingest.compound_index import CompoundInfo, compound_key
from ingest.records import Issue, Lookup, Record, RowReject
from ingest.transform import MAX_KEY, Context, Fields, place
from ingest.transform_areas import polygon

#: 业委会成立情况 words -> whether the compound reports a committee
_COMMITTEE_REPORTED = {"已成立": True, "成立": True, "是": True, "有": True, "已备案": True,
                       "未成立": False, "否": False, "无": False, "未备案": False, "筹备中": False}
# an 11-digit mainland mobile number (also written 138 1234 5678 or 138-1234-5678), or an 18-character resident
# ID number (17 digits + digit/X, also in 6-8-4 groups)
_PERSONAL = re.compile(r"(?<!\d)(?:1[3-9]\d[ -]?\d{4}[ -]?\d{4}|\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx])(?![\d])")


def mask_personal(text: str | None) -> str | None:
    """Free text with mobile phone and resident ID numbers replaced by ``*`` of the same length."""
    if text is None:
        return None
    return _PERSONAL.sub(lambda m: "*" * len(m.group(0)), text)


def word(f: Fields, name: str, table: dict[str, str], fallback: str | None,
         mask: Callable[[str | None], str | None] = mask_personal) -> tuple[str | None, str | None]:
    """``(key, raw word)``: an unknown word is flagged and stored as ``fallback`` with the raw word kept.

    The raw word is kept masked by ``mask`` (phone and ID numbers), in the graph and in the report: a row shifted
    by a column puts the caller's phone where the category should be.
    """
    raw = mask(f.text(name))
    if raw is None:
        return None, None
    key = table.get(raw) or table.get(raw.replace("（", "(").replace("）", ")"))
    if key is None:
        f.issues.append(Issue("flagged", name, f"unknown value {raw!r}; stored as {fallback}"))
    return key or fallback, raw


def community_text(f: Fields) -> tuple[str | None, str | None]:
    """所属社区 as ``(code, name)``: a 6/9/12-digit value is a code, anything else a name."""
    raw = f.text("community")
    if raw is None:
        return None, None
    code = pad_division(raw) if raw.isdigit() else None
    return (code, None) if code else (None, raw)


def place_with_community(rec: Record, f: Fields, ctx: Context, address: str | None) -> str | None:
    """Place like an organization (coordinates, grid/division code, address text), 所属社区 as a code or a name
    in front of the address; returns the division placed in (the community, normally)."""
    code, name = community_text(f)
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
    ctype, type_raw = word(f, "type", vocab.COMPOUND_TYPES, "other")
    mode, mode_raw = word(f, "managementMode", vocab.MANAGEMENT_MODES, None)
    reported_raw = f.text("committeeStatus")
    props: dict[str, Any] = {
        "name": name, "nameNorm": name_norm(name), "code": f.text("code", MAX_KEY),
        "alias": ";".join(f.multi("alias")) or None,
        "type": ctype, "typeRaw": type_raw, "managementMode": mode, "managementModeRaw": mode_raw,
        "households": f.int("households", 0, 1_000_000), "buildings": f.int("buildings", 0, 100_000),
        "yearBuilt": f.int("yearBuilt", 1400, 2100), "address": f.text("address"),
        "committeeStatus": reported_raw, "committeeReported": _COMMITTEE_REPORTED.get(reported_raw or ""),
    }
    props["boundary"] = _boundary(f, ctx)
    rec = Record("compound", "", props)
    division = place_with_community(rec, f, ctx, props["address"])
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


def _boundary(f: Fields, ctx: Context) -> str | None:
    """The compound's polygon as GeoJSON text (a GeoJSON feature's geometry, or a 边界 column holding GeoJSON or
    WKT), or ``None``. Without 经度/纬度 the polygon's representative point places the compound (point in grid,
    like organizations). An unreadable boundary is flagged and left out: the compound still loads."""
    import shapely.wkt
    from shapely.errors import ShapelyError
    from shapely.geometry import mapping, shape

    geometry = f.geometry()
    text = f.text("boundary")
    try:
        if geometry is None and text:
            geometry = json.loads(text) if text.lstrip().startswith("{") else mapping(shapely.wkt.loads(text))
        if geometry is None:
            return None
        if isinstance(geometry, dict) and geometry.get("type") == "Point":  # a point feature: its coordinates
            if f.values.get("lon") is None and f.values.get("lat") is None:
                f.values["lon"], f.values["lat"] = geometry["coordinates"][:2]
            return None
        geom, issues = polygon(geometry, ctx, "boundary", "a compound boundary")
        if f.values.get("lon") is None and f.values.get("lat") is None:
            inner = shape(geometry).representative_point()  # in the input's system: place() converts it
            f.values["lon"], f.values["lat"] = round(inner.x, 7), round(inner.y, 7)
    except RowReject as r:
        f.issues.append(Issue("flagged", "boundary", f"{r.reason}; stored without a boundary"))
        return None
    except (ValueError, TypeError, KeyError, IndexError, ShapelyError) as e:
        f.issues.append(Issue("flagged", "boundary", f"unreadable boundary ({type(e).__name__}); stored without it"))
        return None
    f.issues.extend(issues)
    return json.dumps(mapping(geom), separators=(",", ":"))


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
            ref = mask_personal(ref) or ""
            if not echo:
                ref, where = "(as written)", ""
            if required:
                raise RowReject(fld, f"no compound {ref!r}{where}: load it first with `gridlink ingest compounds`")
            f.issues.append(Issue("warning", fld, f"no compound {ref!r}{where}; placed to its grid/community"))
    if required and not (code or name):
        raise RowReject("compound", "required value is empty (小区名称 or 小区编码)")
    return None
