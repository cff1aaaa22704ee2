"""The kind registry: every ``gridlink ingest KIND``, declared once.

A :class:`Kind` holds everything the run needs to know about it: the transform, the write specs its records go to,
whether it is an organization kind (``--snapshot``, ``SAME_AS``), whether it needs the places snapshot, whether
its parents are linked in a second pass, and which fields hold personal data. The column headers live in the
kind's profile (``ingest/profiles/<kind>.yaml``); ``ingest/HEADERS.md`` is generated from both
(``python -m ingest.headers``, checked by a test). :data:`KINDS` is in load order.

Adding a kind: one entry here (with its transform, in this module or a ``transform_*`` module), one profile YAML,
tests; then regenerate HEADERS.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial

from ingest import vocab
from ingest.records import Record, RowReject
from ingest.specs import IN_COMPOUND, IN_DIVISION, IN_GRID, PLACED, NodeSpec, RelSpec, Slot
from ingest.transform import Context, Fields
from ingest.transform_areas import transform_division, transform_grid
from ingest.transform_committees import transform_owner_committee
from ingest.transform_compounds import transform_compound
from ingest.transform_contracts import transform_property_contract
from ingest.transform_linkage import transform_committee_member, transform_responsibility
from ingest.transform_lists import transform_agreement, transform_need, transform_project, transform_resource
from ingest.transform_orgs import transform_org, transform_party_org
from ingest.transform_people import transform_membership, transform_party_member
from ingest.transform_work_orders import transform_work_order

Transform = Callable[[Fields, Context], Record]


@dataclass(frozen=True)
class Kind:
    """One ingest kind.

    Attributes:
        name: the CLI name (``enterprises``); its profile is ``ingest/profiles/<name>.yaml``.
        transform: mapped row -> record (or :class:`~ingest.records.RowReject`).
        specs: the write specs its records name (the first is the main one).
        files: the file shapes it reads, for the headers page.
        org: an organization kind: ``--snapshot`` and probable-duplicate (``SAME_AS``) detection apply; its
            organizations' ``kind`` property is the main spec's name.
        needs_places: the transform places rows in the loaded divisions and grids.
        parents: party organizations: ``SUBORDINATE_TO`` is linked in a second pass (:mod:`ingest.parents`).
        personal: fields holding personal data: their values never reach the report or the log; the kind's ids
            are pseudonymized with the HMAC secret (:mod:`ingest.pseudonym`).
        needs_compounds: rows name a compound (by code, or by name within their community): the run loads the
            compounds snapshot (:mod:`ingest.compound_index`).
        aliases: other names the CLI accepts for the kind (the Chinese name of the list: ``兼职委员名单``).
    """

    name: str
    transform: Transform
    specs: tuple[NodeSpec | RelSpec, ...]
    files: str = "CSV/XLSX/JSONL"
    org: bool = False
    needs_places: bool = True
    parents: bool = False
    personal: frozenset[str] = field(default_factory=frozenset)
    needs_compounds: bool = False
    aliases: tuple[str, ...] = ()

    @property
    def org_kind(self) -> str:
        """The ``kind`` property of the organizations this kind writes (``enterprise``…)."""
        return self.specs[0].name


def _organizations(name: str, spec: str, label: str, text_fields: tuple[str, ...],
                   types: dict[str, str] | None = None) -> Kind:
    """An organization kind of the registries (enterprises, public units, social organizations); ``types``: its
    closed list of type words (``orgType``), when it has one."""
    node = NodeSpec(spec, "Organization", "uid", (label,), PLACED, track_active=True)
    return Kind(name, partial(transform_org, spec, text_fields, types), (node,), org=True)


KINDS: tuple[Kind, ...] = (
    Kind("divisions", transform_division, (NodeSpec("division", "Division", "code", slots=(
        Slot("partOf", "PART_OF", "Division", "code", merge_target=True),)),),
        files="china-division `*-areas.csv`, `*-streets.csv`, `*-villages.csv` (the layout of "
              "../shared/data/divisions)", needs_places=False),
    Kind("grids", transform_grid, (NodeSpec("grid", "Grid", "uid", slots=(
        Slot("partOf", "PART_OF", "Division", "code"),)),),
        files="GeoJSON FeatureCollection; Polygon/MultiPolygon; properties:"),
    _organizations("enterprises", "enterprise", "Enterprise", ("orgType", "legalRep", "capital", "scope", "industry")),
    _organizations("public-units", "public_unit", "PublicUnit", ("orgType", "legalRep", "sponsor", "funding"),
                   vocab.PUBLIC_UNIT_TYPES),
    _organizations("social-orgs", "social_org", "SocialOrganization", ("orgType", "legalRep", "supervisor",
                                                                        "registrar"), vocab.SOCIAL_ORG_TYPES),
    # below the grid (issue #12): compounds after the enterprises that manage them, before the kinds naming them
    Kind("compounds", transform_compound, (NodeSpec("compound", "Compound", "uid", slots=PLACED + (
        Slot("managedBy", "MANAGES", "Organization", "uid", outgoing=False),)),),
        files="CSV/XLSX/JSONL, or GeoJSON (a compound per feature: polygon boundary, properties as columns)"),
    # 物业项目/合同备案: the relationship is the row (the enterprise by credit code MANAGES the compound)
    Kind("property-contracts", transform_property_contract, (
        RelSpec("manages", "MANAGES", "Organization", "uid", "Compound", "uid"),), needs_compounds=True),
    # SUBORDINATE_TO (the parent) is linked in a second pass: ingest.parents
    Kind("party-orgs", transform_party_org, (NodeSpec("party_org", "Organization", "uid", ("PartyOrganization",),
                                                       PLACED + (
        Slot("hosts", "HOSTED_BY", "Organization", "uid"),
        Slot("leadsDivision", "LEADS", "Division", "code"),
        Slot("leadsGrid", "LEADS", "Grid", "uid"),
        Slot("leadsCompound", "LEADS", "Compound", "uid"),  # a 小区党支部 / 楼栋党小组
    ), track_active=True),), org=True, parents=True, needs_compounds=True),
    # an organization, but not an org kind: keyed per compound, no registry snapshot, no SAME_AS candidates
    Kind("owner-committees", transform_owner_committee, (NodeSpec(
        "owners_committee", "Organization", "uid", ("OwnersCommittee",), PLACED + (
            Slot("represents", "REPRESENTS", "Compound", "uid"),), track_active=True),), needs_compounds=True),
    Kind("resources", transform_resource, (NodeSpec("resource", "Resource", "uid", slots=PLACED + (
        Slot("provider", "PROVIDES", "Organization", "uid", outgoing=False),)),)),
    Kind("needs", transform_need, (NodeSpec("need", "Need", "uid", slots=PLACED + (
        Slot("raisedBy", "RAISED_BY", "Organization", "uid"), IN_COMPOUND)),), needs_compounds=True),
    Kind("projects", transform_project, (NodeSpec("project", "Project", "uid", slots=PLACED + (
        Slot("addresses", "ADDRESSES", "Need", "uid"),
        Slot("uses", "USES", "Resource", "uid"),
        Slot("ledBy", "LED_BY", "Organization", "uid"),
    )),)),
    Kind("agreements", transform_agreement, (NodeSpec("agreement", "Agreement", "uid", slots=(
        Slot("signedBy", "SIGNED_BY", "Organization", "uid"),
        Slot("covers", "COVERS", "Division", "code"),
        Slot("coversCompound", "COVERS", "Compound", "uid"),  # a joint mechanism (三方联动) of a compound
    )),), needs_compounds=True),
    Kind("memberships", transform_membership, (
        RelSpec("member_of", "MEMBER_OF", "Organization", "uid", "Alliance", "uid", merge_to=True, to_slots=(
            Slot("coversDivision", "COVERS", "Division", "code"),
            Slot("coversGrid", "COVERS", "Grid", "uid"),
        )),
        RelSpec("reported_to", "REPORTED_TO", "Organization", "uid", "Division", "code"),
    )),
    # three-level linkage (issue #13, docs/linkage.md): after party-orgs, whose 大工委/大党委 rows they name
    Kind("committee-members", transform_committee_member, (
        RelSpec("part_time_member", "PART_TIME_MEMBER_OF", "Organization", "uid", "PartyOrganization", "uid"),),
        aliases=("兼职委员名单", "兼职委员")),
    Kind("responsibilities", transform_responsibility, tuple(
        RelSpec(name, "RESPONSIBLE_FOR", label, key, "Department", "uid", merge_to=True, outgoing=False, to_slots=(
            Slot("street", "IN_DIVISION", "Division", "code"),
            Slot("office", "UNIT_OF", "Organization", "uid"),
        )) for name, label, key in (("responsible_division", "Division", "code"), ("responsible_grid", "Grid", "uid"))),
        files="CSV/XLSX/JSONL (负责人姓名 is personal data: planners only)", personal=frozenset({"personName"}),
        aliases=("包联责任表", "包联")),
    Kind("party-members", transform_party_member, (NodeSpec("party_member", "PartyMember", "uid", slots=(
        Slot("memberOf", "MEMBER_OF", "PartyOrganization", "uid"),
        Slot("reportedTo", "REPORTED_TO", "Division", "code"),
        IN_GRID, IN_DIVISION,  # the residence: grid and community (docs/members.md)
        Slot("residesIn", "RESIDES_IN", "Compound", "uid"),  # 找党员 counts members where they live
        Slot("worksAt", "WORKS_AT", "Organization", "uid"),  # 工作单位
    )),), files="CSV/XLSX/JSONL (personal data: see docs/data-officer.md \"Personal data\")",
        personal=frozenset({"idNumber", "name", "phone", "birthDate", "address"}), needs_compounds=True),
    # caller name and phone are read only to mask them in the complaint text, never stored
    # (ingest.transform_work_orders)
    Kind("work-orders", transform_work_order, (NodeSpec("work_order", "WorkOrder", "uid", slots=PLACED + (
        IN_COMPOUND,)),),
        files="CSV/XLSX/JSONL (12345 工单导出; 来电人 and 来电号码 only mask the 诉求内容, never stored)",
        needs_compounds=True),
)

#: the Chinese names of the kinds without aliases of their own in :data:`KINDS` (first: the name the CLI shows)
_CHINESE: dict[str, tuple[str, ...]] = {
    "divisions": ("区划", "行政区划"),
    "grids": ("网格",),
    "enterprises": ("企业", "企业名录"),
    "public-units": ("机关事业单位", "机关", "事业单位"),
    "social-orgs": ("社会组织",),
    "compounds": ("小区", "院落", "小区院落"),
    "property-contracts": ("物业合同", "物业项目"),
    "party-orgs": ("党组织",),
    "owner-committees": ("业委会", "业主委员会"),
    "resources": ("资源", "资源清单"),
    "needs": ("需求", "需求清单"),
    "projects": ("项目", "项目清单"),
    "agreements": ("共建协议", "协议"),
    "memberships": ("联盟成员", "成员单位"),
    "party-members": ("党员",),
    "work-orders": ("工单", "12345工单"),
}
KINDS = tuple(replace(k, aliases=_CHINESE.get(k.name, ()) + k.aliases) for k in KINDS)
#: kind name -> kind
BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}
#: every kind name, in load order (the public ``ingest.KINDS``)
KIND_NAMES: tuple[str, ...] = tuple(BY_NAME)
#: another name of a kind (Chinese list names) -> the kind's name
ALIASES: dict[str, str] = {a: k.name for k in KINDS for a in k.aliases}
#: write spec name -> spec, over every kind
SPECS: dict[str, NodeSpec | RelSpec] = {s.name: s for k in KINDS for s in k.specs}
#: kind name -> transform (the fuzz tests draw from it)
TRANSFORMS: dict[str, Transform] = {k.name: k.transform for k in KINDS}
#: the kinds whose rows hold personal data
PERSONAL_KINDS = frozenset(k.name for k in KINDS if k.personal)


def get(name: str) -> Kind:
    """The kind called ``name``.

    Raises:
        KeyError: no such kind.
    """
    return BY_NAME[ALIASES.get(name, name)]


def transform(kind: str, values: dict[str, object], ctx: Context) -> Record:
    """Run the kind's transform; issues found while reading fields are attached to the record.

    For a kind with personal fields, no reason (of a reject or an issue) quotes a value of the row: a value
    written in the wrong column (an ID number in the status column) would otherwise reach the report.

    Raises:
        RowReject: the row cannot be loaded.
    """
    k = BY_NAME[kind]
    try:
        f = Fields(values)
        rec = k.transform(f, ctx)
    except RowReject as r:
        if k.personal:
            r.reason = withhold_values(r.reason, values)
        raise
    rec.issues.extend(f.issues)
    if k.personal:
        for issue in rec.issues:
            issue.reason = withhold_values(issue.reason, values)
    return rec


def withhold_values(reason: str, values: dict[str, object]) -> str:
    """``reason`` with every cell value of the row replaced by ``…`` (short numbers excepted: they are not
    personal, and the reasons' own counts would be withheld with them)."""
    flat = [x for v in values.values() for x in (v if isinstance(v, list) else [v]) if x is not None]
    cells = {str(x) for x in flat}
    for cell in sorted((c for c in cells if len(c) >= 2 and not (c.isdigit() and len(c) < 6)), key=len,
                       reverse=True):
        reason = reason.replace(cell, "…")
    return reason
