"""How :mod:`gridlink.bench.query_p95` measures each named read query: the parameters it sends through the driver
and the API request (GraphQL field, or the HTTP route) that runs the same query with the same values.

Every read query of ``queries.catalog()`` needs an entry here; the script stops and names any query without one,
so a query added later is measured too (add its entry). Write queries (``need_publish``, ``resource_publish``,
``project_claim``, ``project_advance``, ``client_mutation_result``, ``indicator_snapshot_store``) are left out:
they change the graph. Queries no API request runs (Neo4j Browser guide, CLI, benchmarks) are measured through
the driver only and say why in ``note``.

Areas rotate through the levels people ask about: a grid, a community, a street and a district (``AREAS``),
so a p95 over many samples includes the largest areas. Compounds, members, indicators and the queries only the
Browser guide or the CLI run are in :mod:`gridlink.bench.query_probes_below`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from graph import localtime
from gridlink.bench.probe_pool import Pool
from queries import linkage_rules
from queries.member_rules import get_member_rules

Params = dict[str, Any]
#: (driver parameters, API variables) for sample ``i``
Sampler = Callable[[Pool, int], tuple[Params, Params]]

AREAS = ("grids", "communities", "streets", "districts")
DEMO_TODAY = localtime.today().isoformat()  # demo sets count their dates back from the day they were generated


@dataclass(frozen=True)
class Probe:
    """One named query: ``sample`` gives its driver parameters and API variables for sample ``i``; ``document``
    is the GraphQL request (``route`` an HTTP GET path instead); neither: driver only, ``note`` says why."""

    name: str
    sample: Sampler
    document: str | None = None
    route: str | None = None
    note: str = ""


PROBES: dict[str, Probe] = {}


def probe(name: str, document: str | None = None, *, route: str | None = None,
          note: str = "") -> Callable[[Sampler], Sampler]:
    """Register the sampler of ``name`` (decorator)."""
    def register(fn: Sampler) -> Sampler:
        PROBES[name] = Probe(name, fn, " ".join(document.split()) if document else None, route, note)
        return fn
    return register


def area(pool: Pool, i: int, levels: tuple[str, ...] = AREAS) -> tuple[Params, Params]:
    """Driver ``gridUid``/``divisionCode`` and API ``gridCode``/``divisionCode`` of the area of sample ``i``."""
    kind = levels[i % len(levels)]
    code = pool.pick(kind, i // len(levels))
    if kind == "grids":
        return {"gridUid": f"LOCAL:{code}", "divisionCode": None}, {"gridCode": code, "divisionCode": None}
    return {"gridUid": None, "divisionCode": code}, {"gridCode": None, "divisionCode": code}


_PAGE = {"after": None, "first": 20, "withTotal": True}


def member_params() -> Params:
    """``asOf`` (today) and ``pocketMonths`` of the member rules, as the API passes them."""
    rules = get_member_rules().params()
    return {"asOf": rules["asOf"], "pocketMonths": rules["pocketMonths"]}

# --- browse -------------------------------------------------------------------------------------------------


@probe("division_roots", "{ divisions { code name level childCount gridCount } }")
def _roots(pool: Pool, i: int) -> tuple[Params, Params]:
    return {}, {}


@probe("division_detail", """query($c: String!) { division(code: $c) { code name level childCount gridCount
       ancestors { code name } children { code name childCount gridCount } grids { code name } } }""")
def _division(pool: Pool, i: int) -> tuple[Params, Params]:
    code = pool.pick(("districts", "streets", "communities")[i % 3], i // 3)
    return {"code": code}, {"c": code}


@probe("division_children", "query($p: String!) { divisions(parentCode: $p) { code name level childCount gridCount } }")
def _children(pool: Pool, i: int) -> tuple[Params, Params]:
    code = pool.pick(("districts", "streets")[i % 2], i // 2)
    return {"code": code, "withCounts": True, "withTypes": False}, {"p": code}


@probe("grid_by_code", """query($c: String!) { grid(code: $c) { uid code name community { code name }
       street { code name } centroid { longitude latitude } partyBranches { uid name }
       organizationCount resourceCount openNeedCount } }""")
def _grid(pool: Pool, i: int) -> tuple[Params, Params]:
    code = pool.pick("grids", i)
    return {"scheme": "LOCAL", "code": code}, {"c": code}


@probe("grid_candidates_at_point", """query($lon: Float!, $lat: Float!) { gridAt(longitude: $lon, latitude: $lat) {
       uid code name } }""")
def _grid_at(pool: Pool, i: int) -> tuple[Params, Params]:
    lon, lat = pool.pick("points", i)
    return ({"scheme": "LOCAL", "longitude": lon, "latitude": lat, "radiusM": 5000.0},
            {"lon": lon, "lat": lat})


@probe("grid_list", """query($c: String!) { grids(communityCode: $c, first: 20) { totalCount nodes { uid code name }
       pageInfo { endCursor hasNextPage } } }""")
def _grids(pool: Pool, i: int) -> tuple[Params, Params]:
    code = pool.pick("communities", i)
    return {"communityCode": code, **_PAGE}, {"c": code}


_ORG = "uid kind name uscc status address industry grid { code name } division { code name } " \
       "partyOrganizations { uid name }"


@probe("org_detail", f"query($u: String, $s: String) {{ organization(uid: $u, uscc: $s) {{ {_ORG} }} }}")
def _org(pool: Pool, i: int) -> tuple[Params, Params]:
    if i % 2:
        uscc = pool.pick("usccs", i // 2)
        return {"uid": None, "uscc": uscc, "personal": False, "withParents": False}, {"u": None, "s": uscc}
    uid = pool.pick("org_uids", i // 2)
    return {"uid": uid, "uscc": None, "personal": False, "withParents": False}, {"u": uid, "s": None}


@probe("org_search", f"""query($t: String!) {{ searchOrganizations(text: $t, first: 20) {{ totalCount
       nodes {{ {_ORG} }} pageInfo {{ endCursor hasNextPage }} }} }}""")
def _search(pool: Pool, i: int) -> tuple[Params, Params]:
    word = pool.pick("words", i)
    return ({"text": f'"{word}"', "kind": None, "skip": 0, "first": 20, "personal": False, "withParents": False},
            {"t": word})


@probe("org_in_area", f"""query($g: String, $d: String) {{ organizations(gridCode: $g, divisionCode: $d, first: 20)
       {{ totalCount nodes {{ {_ORG} }} pageInfo {{ endCursor hasNextPage }} }} }}""")
def _orgs(pool: Pool, i: int) -> tuple[Params, Params]:
    drv, api = area(pool, i)
    none = dict.fromkeys(("kind", "status", "industry", "hasPartyOrganization"))
    return (drv | none | _PAGE | {"personal": False, "withParents": False},
            {"g": api["gridCode"], "d": api["divisionCode"]})


@probe("org_party_detail", """query($u: String!) { partyOrganization(uid: $u) { uid name category memberCount
       ancestors { uid name category } subordinates { uid name } hosts { uid name } leads { code name }
       membersByStatus { status count } } }""")
def _party(pool: Pool, i: int) -> tuple[Params, Params]:
    uid = pool.pick("party_uids", i)
    return {"uid": uid, "personal": False, **member_params()}, {"u": uid}


def _listing(field: str, nodes: str, extra: Params) -> Sampler:
    @probe(f"{field}_list", f"""query($g: String, $d: String) {{ {field}s(gridCode: $g, divisionCode: $d, first: 20)
           {{ totalCount nodes {{ {nodes} }} pageInfo {{ endCursor hasNextPage }} }} }}""")
    def sample(pool: Pool, i: int) -> tuple[Params, Params]:
        drv, api = area(pool, i)
        return drv | extra | _PAGE, {"g": api["gridCode"], "d": api["divisionCode"]}
    return sample


_listing("need", "uid title category status urgency publishedOn raisedBy { uid name } grid { code } division { code }",
         {"category": None, "status": None})
_listing("resource", "uid name category status provider { uid name } grid { code } division { code }",
         {"category": None, "status": None})
_listing("project", "uid name status startedOn need { uid title } resource { uid name } leadOrganization { uid name }",
         {"status": None})

# --- co-construction ----------------------------------------------------------------------------------------


@probe("resources_for_grid", """query($g: String!) { resourcesForGrid(gridCode: $g, limit: 20) {
       matches { score distanceM reasons { code weight } resource { uid name category } provider { name } } } }""")
def _rfg(pool: Pool, i: int) -> tuple[Params, Params]:
    code = pool.pick("grids", i)
    return ({"scheme": "LOCAL", "gridCode": code, "categories": None, "maxDistanceM": 3000.0, "availableAt": None,
             "availableOn": None, "includeExpired": False, "limit": 20, "origin": None}, {"g": code})


probe("resources_for_grid_graph", note="Neo4j Browser guide only (the ranking drawn as a graph, APOC core)")(_rfg)


@probe("coconstruction_open_needs", """query($g: String, $d: String) { openNeeds(gridCode: $g, divisionCode: $d,
       first: 20) { totalCount nodes { uid title category urgency candidates { resource { uid name } provider { name }
       score distanceM reasons } } pageInfo { hasNextPage } } }""")
def _open_needs(pool: Pool, i: int) -> tuple[Params, Params]:
    drv, api = area(pool, i)
    return drv | {"perNeed": 5} | _PAGE, {"g": api["gridCode"], "d": api["divisionCode"]}


@probe("coconstruction_partners", """query($c: String!) { communityPartners(communityCode: $c, limit: 50) {
       community { code name } partners { organization { uid name kind } strength links { kind detail weight } } } }""")
def _partners(pool: Pool, i: int) -> tuple[Params, Params]:
    code = pool.pick("communities", i)
    return {"communityCode": code, "limit": 50}, {"c": code}


@probe("coconstruction_party_coverage", """query($d: String!) { partyCoverage(divisionCode: $d, uncoveredLimit: 20) {
       area { code name } rows { division { code name } total covered single joint rate }
       uncovered { uid name kind staffCount } } }""")
def _coverage(pool: Pool, i: int) -> tuple[Params, Params]:
    code = pool.pick(("communities", "streets", "districts")[i % 3], i // 3)
    return {"divisionCode": code, "uncoveredLimit": 20}, {"d": code}


@probe("coconstruction_chain", """query($d: String!, $on: Date) { partyChain(divisionCode: $d, asOf: $on) {
       street { code name } streetCommittee { uid name }
       streetEnlargedCommittee { uid partTimeMembers { unit { uid name } role active } }
       communities { community { code name } committee { uid name } linkedToStreet
       grids { grid { code } branch { uid name } linkedToCommunity } } missing { level code problem message } } }""")
def _chain(pool: Pool, i: int) -> tuple[Params, Params]:
    code = pool.pick(("streets", "districts")[i % 2], i // 2)
    return {"divisionCode": code, **linkage_rules.params(date.fromisoformat(DEMO_TODAY))}, {"d": code,
                                                                                           "on": DEMO_TODAY}


@probe("linkage_responsibility", """query($c: String!) { responsibility(communityCode: $c) { community { code }
       answerers { level role roleLabel organization { uid } department { name } areaCode personName } } }""")
def _responsibility(pool: Pool, i: int) -> tuple[Params, Params]:
    code = pool.pick("communities", i)
    return {"communityCode": code, "personal": False}, {"c": code}


@probe("coconstruction_member_status", """query($g: String, $d: String) { memberStatusByGrid(gridCode: $g,
       divisionCode: $d) { grid { code name } total normal flowing pocket hidden } }""")
def _member_status(pool: Pool, i: int) -> tuple[Params, Params]:
    drv, api = area(pool, i)
    return drv | member_params(), {"g": api["gridCode"], "d": api["divisionCode"]}
