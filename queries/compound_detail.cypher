// name: compound_detail
// title: A compound (小区/院落) with its property company, owners' committee, party organizations and counts
// description: By uid (the registry code or c:<hash>, graph/MODEL.md). Party members resident in it (RESIDES_IN) are
// description: returned as counts by status only, the status derived by the rules of queries/member_rules.py on
// description: asOf — the API suppresses small counts for readers; the committee's and the property projects'
// description: party-member counts (交叉任职) are aggregates too. Work orders (12345) IN_COMPOUND by category.
// params: uid (str), asOf (date str), pocketMonths (int)
// returns: compound
// example: :param uid => 'XQ51010700100400102'
// example: :param asOf => '2025-06-30'
// example: :param pocketMonths => 6
MATCH (c:Compound {uid: $uid})
OPTIONAL MATCH (c)-[:IN_GRID]->(g:Grid)
OPTIONAL MATCH (c)-[:IN_DIVISION]->(d:Division)
WITH c, collect(DISTINCT g)[0] AS g, collect(DISTINCT d)[0] AS d
WITH c, g, d, COLLECT {
  MATCH (c)<-[:RESIDES_IN]-(m:PartyMember)
  WITH m, [(m)-[:IN_DIVISION]->(h:Division) | h][0] AS home
  RETURN CASE
       WHEN m.transferOutOn IS NOT NULL AND m.transferInOn IS NULL
            AND m.transferOutOn <= date($asOf) - duration({months: $pocketMonths}) THEN 'pocket'
       WHEN home IS NOT NULL AND size([(m)-[:MEMBER_OF]->(:PartyOrganization)-[:IN_DIVISION]->(dv) | dv]) > 0
            AND NOT home IN [(m)-[:MEMBER_OF]->(:PartyOrganization)-[:IN_DIVISION]->(dv) | dv]
            AND NOT home IN [(m)-[:REPORTED_TO]->(dv) | dv] THEN 'hidden'
       WHEN m.status = 'flowing' THEN 'flowing'
       ELSE 'normal'
     END
} AS statuses
CALL (c) {
  MATCH (c)<-[:IN_COMPOUND]-(w:WorkOrder)
  WITH w.category AS category, count(*) AS n
  ORDER BY n DESC, category
  RETURN collect({category: category, count: n}) AS byCategory
}
RETURN c {
  .uid, .code, .name, .alias, .type, .typeRaw, .households, .buildings, .yearBuilt, .address, .placement,
  .managementMode, .managementModeRaw, .location, .boundary,
  grid: CASE WHEN g IS NULL THEN null ELSE g {.uid, .scheme, .code, .name} END,
  division: CASE WHEN d IS NULL THEN null ELSE d {.code, .name, .level} END,
  companies: COLLECT {
    MATCH (c)<-[m:MANAGES]-(o:Organization)
    WITH o, m ORDER BY o.uid
    RETURN o {.uid, .name, .uscc, .usccValid, .status, mode: m.mode, since: m.since, until: m.until,
              contractNo: m.contractNo, projectName: m.projectName, staffCount: m.staffCount,
              partyMemberCount: m.partyMemberCount}
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
    normal: size([x IN statuses WHERE x = 'normal']), flowing: size([x IN statuses WHERE x = 'flowing']),
    pocket: size([x IN statuses WHERE x = 'pocket']), hidden: size([x IN statuses WHERE x = 'hidden'])
  },
  workOrdersByCategory: byCategory
} AS compound
