// name: coconstruction_member_status
// title: Party members per grid by status (counts only)
// description: For each grid in the area (gridUid or divisionCode): how many party members placed in it are normal,
// description: flowing (流动), pocket (口袋) or hidden (隐形). Only counts ever leave this query — never a member.
// params: gridUid (str or null), divisionCode (str or null)
// returns: grid, total, normal, flowing, pocket, hidden
// example: :param gridUid => null
// example: :param divisionCode => '510107005000'
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
WITH g, COLLECT { MATCH (g)<-[:IN_GRID]-(m:PartyMember) RETURN m.status } AS st
RETURN g {.uid, .scheme, .code, .name} AS grid, size(st) AS total,
       size([x IN st WHERE x = 'normal']) AS normal, size([x IN st WHERE x = 'flowing']) AS flowing,
       size([x IN st WHERE x = 'pocket']) AS pocket, size([x IN st WHERE x = 'hidden']) AS hidden
ORDER BY grid.uid
