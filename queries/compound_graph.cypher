// name: compound_graph
// title: A compound drawn with its property company, owners' committee, party organizations and grid
// description: The compound (小区/院落) in the middle; the enterprise that MANAGES it (with the mode), the owners'
// description: committee that REPRESENTS it, the 小区党支部 / 楼栋党小组 that LEADS it, and its grid and community.
// description: Counts beside the drawing: resident party members (a count only), work orders by category.
// params: uid (str)
// returns: compound, around, place, residentMembers, workOrders
// example: :param uid => 'XQ51010700100400102'
MATCH (c:Compound {uid: $uid})
CALL (c) {
  MATCH (c)<-[:IN_COMPOUND]-(w:WorkOrder)
  WITH w.category AS category, count(*) AS n
  ORDER BY n DESC, category
  RETURN collect(category + ': ' + toString(n)) AS workOrders
}
RETURN c AS compound,
       COLLECT { MATCH p = (c)<-[:MANAGES|REPRESENTS|LEADS]-() RETURN p } AS around,
       COLLECT { MATCH p = (c)-[:IN_GRID|IN_DIVISION]->() RETURN p } AS place,
       COUNT { (c)<-[:RESIDES_IN]-(:PartyMember) } AS residentMembers, workOrders
