"""The property-contracts kind: 物业项目 / 物业服务合同备案 -> the property-service enterprise ``MANAGES`` the compound.

One row is one property project: the enterprise (by its unified social credit code, checked as every code is:
a code of the wrong shape is rejected, a failed check character is flagged), the compound it serves (小区编码, else
小区名称 within 所属社区), the contract period and the mode. The project's staff who are party members
(交叉任职) arrive as a count and are stored as a count on the relationship; no name of anybody is read.

The main element is the relationship (:class:`~ingest.specs.RelSpec`): the enterprise must be loaded first
(``gridlink ingest enterprises``), else the row is rejected with the reason. A relationship written by this kind
carries a ``rowHash``; the compounds kind's 物业服务企业 columns then no longer overwrite or prune it (the
contract filing is the better source, :mod:`ingest.writes`).
"""

from __future__ import annotations

from typing import Any

from ingest import vocab
from ingest.codes import check_uscc
from ingest.records import Issue, Lookup, Record, RowReject
from ingest.transform import MAX_KEY, Context, Fields
from ingest.transform_compounds import community_text, compound_of, word


def transform_property_contract(f: Fields, ctx: Context) -> Record:
    """A 物业项目/合同备案 row -> ``(:Organization)-[:MANAGES {since, until, mode, …}]->(:Compound)``."""
    raw_code = f.text("propertyUscc", MAX_KEY)
    if raw_code is None:
        raise RowReject("propertyUscc", "required value is empty (物业服务企业统一社会信用代码)")
    check = check_uscc(raw_code)
    if not check.usable or check.code is None:
        raise RowReject("propertyUscc", f"not a unified social credit code: {check.issue}")
    if not check.valid:
        f.issues.append(Issue("flagged", "propertyUscc", f"credit code {check.code}: {check.issue}"))
    code, cname = community_text(f)
    found = ctx.places.match_address(cname) if cname else None
    hit = compound_of(f, ctx, code or (found.code if found else None), required=True)
    assert hit is not None
    mode, mode_raw = word(f, "managementMode", vocab.MANAGEMENT_MODES, "company")
    if mode == "none":
        raise RowReject("managementMode", "无物业 contradicts a property-service contract")
    start, end = f.date("contractStart"), f.date("contractEnd")
    if start and end and end < start:
        f.issues.append(Issue("flagged", "contractEnd", "the contract ends before it starts"))
    staff, party = f.int("staffCount", 0, 10_000), f.int("partyMemberCount", 0, 10_000)
    if staff is not None and party is not None and party > staff:
        f.issues.append(Issue("flagged", "partyMemberCount", "more party members than project staff"))
    props: dict[str, Any] = {
        "mode": mode or "company", "modeRaw": mode_raw, "since": start, "until": end,
        "contractNo": f.text("contractNo", MAX_KEY), "projectName": f.text("projectName", MAX_KEY),
        "staffCount": staff, "partyMemberCount": party,
    }
    rec = Record("manages", "", props, extra={"to": hit.uid})
    rec.lookups.append(Lookup("from", "Organization", "uscc", check.code, "propertyUscc", required=True))
    return rec
