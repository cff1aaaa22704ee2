// name: compound_detail
// title: A compound (小区/院落) with its property company, owners' committee, party organizations and counts
// description: By uid (the registry code or c:<hash>, graph/MODEL.md). Party members resident in it (RESIDES_IN) are
// description: returned as counts by status only — the API suppresses small counts for readers; the committee's
// description: party-member count is an aggregate too. Work orders (12345) IN_COMPOUND are counted by category.
// params: uid (str)
// returns: compound
// example: :param uid => 'XQ51010700100400102'
MATCH (c:Compound {uid: $uid})
OPTIONAL MATCH (c)-[:IN_GRID]->(g:Grid)
OPTIONAL MATCH (c)-[:IN_DIVISION]->(d:Division)
WITH c, collect(DISTINCT g)[0] AS g, collect(DISTINCT d)[0] AS d
CALL (c) {
  MATCH (c)<-[:IN_COMPOUND]-(w:WorkOrder)
  WITH w.category AS category, count(*) AS n
  ORDER BY n DESC, category
  RETURN collect({category: category, count: n}) AS byCategory
}
RETURN c {
  .uid, .code, .name, .alias, .type, .typeRaw, .households, .buildings, .yearBuilt, .address, .placement,
  .managementMode, .managementModeRaw, .location,
  grid: CASE WHEN g IS NULL THEN null ELSE g {.uid, .scheme, .code, .name} END,
  division: CASE WHEN d IS NULL THEN null ELSE d {.code, .name, .level} END,
  companies: COLLECT {
    MATCH (c)<-[m:MANAGES]-(o:Organization)
    WITH o, m ORDER BY o.uid
    RETURN o {.uid, .name, .uscc, .usccValid, .status, mode: m.mode, since: m.since, until: m.until}
  },
  committees: COLLECT {
    MATCH (c)<-[r:REPRESENTS]-(o:OwnersCommittee)
    WITH o, r ORDER BY o.uid
    RETURN o {.uid, .name, .committeeType, .foundedOn, .memberCount, .partyMemberCount,
              termStart: r.termStart, termEnd: r.termEnd}
  },
  partyOrganizations: COLLECT {
    MATCH (c)<-[:LEADS]-(p:PartyOrganization)
    WITH p ORDER BY p.uid
    RETURN p {.uid, .name, .category}
  },
  residentMembers: {
    normal: COUNT { (c)<-[:RESIDES_IN]-(:PartyMember {status: 'normal'}) },
    flowing: COUNT { (c)<-[:RESIDES_IN]-(:PartyMember {status: 'flowing'}) },
    pocket: COUNT { (c)<-[:RESIDES_IN]-(:PartyMember {status: 'pocket'}) },
    hidden: COUNT { (c)<-[:RESIDES_IN]-(:PartyMember {status: 'hidden'}) }
  },
  workOrdersByCategory: byCategory
} AS compound
