"""Every column the generator writes is a header of ingest/HEADERS.md for that kind (the contract)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gridlink.demo import generate, linkage, lists, party, registry, ties

HEADERS_MD = Path(__file__).resolve().parents[2] / "ingest" / "HEADERS.md"
WRITTEN = {
    "grids": generate.GRID_HEADER, "enterprises": registry.ENTERPRISE_HEADER,
    "public-units": registry.PUBLIC_UNIT_HEADER, "social-orgs": registry.SOCIAL_ORG_HEADER,
    "party-orgs": party.PARTY_ORG_HEADER, "party-members": party.MEMBER_HEADER,
    "resources": lists.RESOURCE_HEADER, "needs": lists.NEED_HEADER, "projects": lists.PROJECT_HEADER,
    "agreements": ties.AGREEMENT_HEADER, "memberships": ties.MEMBERSHIP_HEADER,
    # the part-time member's 姓名 is written on purpose: the ingest never reads it (not a header of the contract)
    "committee-members": tuple(h for h in linkage.MEMBER_HEADER if h != "姓名"),
    "responsibilities": linkage.RESPONSIBILITY_HEADER,
}


def _contract() -> dict[str, set[str]]:
    rows: dict[str, set[str]] = {}
    for line in HEADERS_MD.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\| `([a-z-]+)` \|[^|]*\|(.*)\|\s*$", line)
        if m:
            rows[m.group(1)] = set(re.findall(r"`([^`]+)`", m.group(2)))
    return rows


@pytest.mark.parametrize("kind", sorted(WRITTEN))
def test_written_headers_are_in_the_contract(kind: str) -> None:
    contract = _contract()
    assert kind in contract
    assert [h for h in WRITTEN[kind] if h not in contract[kind]] == []


def test_enlarged_committee_headers_are_party_org_headers() -> None:
    assert [h for h in linkage.ENLARGED_HEADER if h not in _contract()["party-orgs"]] == []
