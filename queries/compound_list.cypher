// name: compound_list
// title: Compounds (小区/院落) of a grid or division, with filters
// description: Give gridUid (scheme:code) or divisionCode (community, street or district). Compounds IN_GRID the grid,
// description: or IN_DIVISION the division or a division below it; filtered by type, whether a party organization
// description: LEADS it (小区党支部/楼栋党小组), whether an owners' committee REPRESENTS it, and the management mode;
// description: keyset pagination on uid. totalCount only when withTotal is true.
// params: gridUid (str or null), divisionCode (str or null), type (str or null), hasBranch (bool or null),
// params: hasOwnersCommittee (bool or null), managementMode (str or null), after (str or null), first (int),
// params: withTotal (bool)
// returns: found, totalCount, nodes
// example: :param gridUid => null
// example: :param divisionCode => '510107005001'
// example: :param type => null
// example: :param hasBranch => null
// example: :param hasOwnersCommittee => null
// example: :param managementMode => null
// example: :param after => null
// example: :param first => 20
// example: :param withTotal => true
CALL () {
  MATCH (a:Grid {uid: $gridUid})
  RETURN a
  UNION
  MATCH (a:Division {code: $divisionCode})
  RETURN a
}
WITH a
LIMIT 1
WITH a, COLLECT {
  CALL (a) {
    MATCH (a)<-[:IN_GRID]-(c:Compound)
    RETURN c
    UNION
    MATCH (a)<-[:PART_OF*0..3]-(:Division)<-[:IN_DIVISION]-(c:Compound)
    RETURN c
  }
  WITH c,
       EXISTS { (c)<-[:LEADS]-(:PartyOrganization) } AS hasBranch,
       EXISTS { (c)<-[:REPRESENTS]-(:OwnersCommittee) } AS hasCommittee
  WHERE ($type IS NULL OR c.type = $type)
    AND ($managementMode IS NULL OR c.managementMode = $managementMode)
    AND ($hasBranch IS NULL OR hasBranch = $hasBranch)
    AND ($hasOwnersCommittee IS NULL OR hasCommittee = $hasOwnersCommittee)
  WITH c, hasBranch, hasCommittee
  ORDER BY c.uid
  RETURN c {.uid, .code, .name, .type, .typeRaw, .households, .buildings, .yearBuilt, .managementMode, .address,
            .placement, hasBranch: hasBranch, hasOwnersCommittee: hasCommittee} AS row
} AS matched
RETURN true AS found, CASE WHEN $withTotal THEN size(matched) END AS totalCount,
       [c IN matched WHERE $after IS NULL OR c.uid > $after][0..$first + 1] AS nodes
