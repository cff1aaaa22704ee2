"""Probes of :mod:`gridlink.bench.query_p95` below the grid and above it: compounds, work orders and the five steps,
party members by area, indicators, and the named queries that only the Neo4j Browser guide, the map page or the
CLI run (see :mod:`gridlink.bench.query_probes` for the contract)."""

from __future__ import annotations

from graph import localtime
from gridlink.bench.probe_pool import Pool
from gridlink.bench.query_probes import DEMO_TODAY, PROBES, Params, area, member_params, probe
from queries import indicator_rules as rules
from queries.member_rules import get_member_rules

_SUMMARY = "uid code name type households managementMode hasBranch hasOwnersCommittee"
_STEPS = "steps { key status nextAction } done partial missing"

# --- compounds ----------------------------------------------------------------------------------------------


@probe("compound_list", f"""query($g: String, $c: String) {{ compounds(gridCode: $g, communityCode: $c, first: 20)
       {{ totalCount nodes {{ {_SUMMARY} }} pageInfo {{ endCursor hasNextPage }} }} }}""")
def _compounds(pool: Pool, i: int) -> tuple[Params, Params]:
    drv, api = area(pool, i, ("grids", "communities"))
    none = dict.fromkeys(("type", "hasBranch", "hasOwnersCommittee", "managementMode"))
    return (drv | none | {"after": None, "first": 20, "withTotal": True},
            {"g": api["gridCode"], "c": api["divisionCode"]})


@probe("compound_detail", """query($c: String!) { compound(code: $c) { uid name type households address
       grid { code } division { code name } companies { uid name mode } committees { uid name partyMemberCount }
       partyOrganizations { uid name category } residentMembers { normal flowing pocket hidden }
       workOrdersByCategory { category count } } }""")
def _compound(pool: Pool, i: int) -> tuple[Params, Params]:
    uid = pool.pick("compounds", i)
    return {"uid": uid, **member_params()}, {"c": uid}


@probe("compound_five_step_evidence", f"""query($c: String!, $on: Date) {{ fiveStep(compoundCode: $c, asOf: $on) {{
       compound {{ uid name }} asOf {_STEPS} }} }}""")
def _five_step(pool: Pool, i: int) -> tuple[Params, Params]:
    uid = pool.pick("compounds", i)
    return ({"uids": [uid], "asOf": DEMO_TODAY, "pocketMonths": get_member_rules().pocket_months},
            {"c": uid, "on": DEMO_TODAY})


@probe("compound_dispute_hotspots", f"""query($d: String!, $since: Date!, $until: Date!) {{ disputeHotspots(
       divisionCode: $d, since: $since, until: $until, limit: 20) {{ rank orders per100Households
       compound {{ {_SUMMARY} }} {_STEPS} }} }}""")
def _hotspots(pool: Pool, i: int) -> tuple[Params, Params]:
    # a district's year, a street's year, a community's quarter: what a street office and the district ask
    level, since = (("districts", "2024-07-01"), ("streets", "2024-07-01"), ("communities", "2025-04-01"))[i % 3]
    code = pool.pick(level, i // 3)
    return ({"divisionCode": code, "since": since, "until": DEMO_TODAY, "limit": 20},
            {"d": code, "since": since, "until": DEMO_TODAY})


@probe("compound_place", """query($c: String!) { resourcesForCompound(code: $c, limit: 20) { compound { uid name }
       origin { longitude latitude } grid { code } matches { score distanceM reasons { code weight }
       resource { uid name category } provider { name } } } }""",
       note="the API then ranks with resources_for_grid for the compound's grid")
def _compound_place(pool: Pool, i: int) -> tuple[Params, Params]:
    uid = pool.pick("compounds", i)
    return {"uid": uid}, {"c": uid}


@probe("compound_work_orders", """query($c: String!, $since: Date) { workOrders(compoundCode: $c, since: $since,
       limit: 20) { compound { uid name } total orders { uid receivedOn closedOn category status satisfaction } } }""")
def _work_orders(pool: Pool, i: int) -> tuple[Params, Params]:
    uid = pool.pick("compounds", i)
    since = (None, "2025-01-01")[i % 2]
    return ({"uid": uid, "category": None, "since": since, "until": None, "limit": 20, "personal": False},
            {"c": uid, "since": since})


@probe("compound_graph", note="Neo4j Browser guide only (draws a compound's neighbourhood)")
def _compound_graph(pool: Pool, i: int) -> tuple[Params, Params]:
    return {"uid": pool.pick("compounds", i)}, {}

# --- members and indicators ---------------------------------------------------------------------------------


_LEVELS3 = ("communities", "streets", "districts")


@probe("members_by_area", """query($d: String!) { memberCounts(divisionCode: $d) { level code name total
       byStatus { status count } byImportedStatus { status count } byAgeBand { band count } disagreements
       communityOnly checkedIn } }""")
def _members(pool: Pool, i: int) -> tuple[Params, Params]:
    code = pool.pick(_LEVELS3[i % 3], i // 3)
    return {"divisionCode": code, **get_member_rules().params()}, {"d": code}


_INDICATORS = """code name level needsOpen needsPastDue needsUnclaimed medianClaimToDeliveryDays ratingMean
       ratingCount grids gridsWithBranch compounds compoundsWithBranch members checkInRate hiddenPocketShare"""


@probe("division_indicators", f"query($d: String!) {{ indicators(divisionCode: $d) {{ {_INDICATORS} }} }}",
       note="the API also runs members_by_area for the same division")
def _indicators(pool: Pool, i: int) -> tuple[Params, Params]:
    code = pool.pick(_LEVELS3[i % 3], i // 3)
    return rules.query_params(code, localtime.today()), {"d": code}


@probe("indicator_history", f"""query($d: String!) {{ indicatorHistory(divisionCode: $d) {{ month {_INDICATORS} }}
       }}""")
def _history(pool: Pool, i: int) -> tuple[Params, Params]:
    code = pool.pick(_LEVELS3[i % 3], i // 3)
    return {"divisionCode": code, "fromMonth": None, "toMonth": None, "withChildren": False}, {"d": code}


@probe("indicator_divisions", note="`gridlink report snapshot` only (every division the monthly snapshot stores)")
def _indicator_divisions(pool: Pool, i: int) -> tuple[Params, Params]:
    return {}, {}

# --- the map page, the Browser guide, the CLI ---------------------------------------------------------------


@probe("map_grids", route="/map/data")
def _map(pool: Pool, i: int) -> tuple[Params, Params]:
    code = pool.pick(("communities", "streets")[i % 2], i // 2)
    return {"code": code}, {"code": code}


@probe("map_compounds", route="/map/data", note="the route also runs map_grids")
def _map_compounds(pool: Pool, i: int) -> tuple[Params, Params]:
    code = pool.pick(("communities", "streets")[i % 2], i // 2)
    return {"code": code}, {"code": code}


@probe("resources_for_grid_graph", note="Neo4j Browser guide only (the ranking drawn as a graph)")
def _rfg_graph(pool: Pool, i: int) -> tuple[Params, Params]:
    params, _ = PROBES["resources_for_grid"].sample(pool, i)
    return params, {}


def _browser(name: str, levels: tuple[str, ...], **extra: object) -> None:
    @probe(name, note="Neo4j Browser guide only")
    def sample(pool: Pool, i: int) -> tuple[Params, Params]:
        return {"code": pool.pick(levels[i % len(levels)], i // len(levels)), **extra}, {}


_browser("explore_community_card", ("communities",))
_browser("explore_community_party_chain", ("communities",))
_browser("explore_grids_without_party_branch", ("streets", "districts"))
_browser("explore_linkage_chain", ("streets",))
_browser("explore_resources_by_category", ("streets", "communities"), category="venue")
_browser("explore_units_without_party_org", ("streets", "communities"), minStaff=10)


@probe("explore_model_overview", note="Neo4j Browser guide only")
def _overview(pool: Pool, i: int) -> tuple[Params, Params]:
    return {}, {}


@probe("explore_org_neighbourhood", note="Neo4j Browser guide only")
def _neighbourhood(pool: Pool, i: int) -> tuple[Params, Params]:
    return {"uid": pool.pick("org_uids", i)}, {}


@probe("grid_sample", note="benchmarks only (draws grids to measure)")
def _grid_sample(pool: Pool, i: int) -> tuple[Params, Params]:
    return {"scheme": "LOCAL", "step": 10, "size": 50}, {}


@probe("demo_runs", note="`gridlink up` only (which demo kinds are loaded)")
def _demo_runs(pool: Pool, i: int) -> tuple[Params, Params]:
    return {"source": "demo"}, {}

