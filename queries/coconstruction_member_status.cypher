// name: coconstruction_member_status
// title: Party members per grid by status (counts only)
// description: For each grid in the area (gridUid or divisionCode): how many party members placed in it are normal,
// description: flowing (流动), pocket (口袋) or hidden (隐形) — the status derived by the rules of
// description: queries/member_rules.py on asOf, not the imported label. Only counts ever leave this query.
// params: gridUid (str or null), divisionCode (str or null), asOf (date str), pocketMonths (int)
// returns: grid, total, normal, flowing, pocket, hidden
// example: :param gridUid => null
// example: :param divisionCode => '510107005000'
// example: :param asOf => '2026-12-01'
// example: :param pocketMonths => 6
CALL () {
  MATCH (a:Grid {uid: $gridUid})
  RETURN a
  UNION
  MATCH (a:Division {code: $divisionCode})
  RETURN a
}
WITH a
LIMIT 1
MATCH (a)<-[:PART_OF*0..3]-(g:Grid)
WITH g, COLLECT {
  MATCH (g)<-[:IN_GRID]-(m:PartyMember)
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
} AS st
RETURN g {.uid, .scheme, .code, .name} AS grid, size(st) AS total,
       size([x IN st WHERE x = 'normal']) AS normal, size([x IN st WHERE x = 'flowing']) AS flowing,
       size([x IN st WHERE x = 'pocket']) AS pocket, size([x IN st WHERE x = 'hidden']) AS hidden
ORDER BY grid.uid
