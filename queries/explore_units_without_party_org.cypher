// name: explore_units_without_party_org
// title: Units without a party organization
// description: 两个覆盖 gaps: operating enterprises and social organizations inside a division, with at least minStaff staff, that host no party organization (neither their own nor a joint branch): candidates for organizational coverage, largest first.
// params: code (str), minStaff (int)
// returns: uid, name, kind, staffCount, division, grid
// example: :param code => '510107005000'
// example: :param minStaff => 10
MATCH (area:Division {code: $code})
MATCH (o:Organization)-[:IN_DIVISION]->(d:Division)-[:PART_OF*0..3]->(area)
WHERE o.kind IN ['enterprise', 'social_org'] AND o.status = 'ACTIVE' AND o.active = true
  AND coalesce(o.staffCount, 0) >= $minStaff
  AND NOT EXISTS { (:PartyOrganization)-[:HOSTED_BY]->(o) }
RETURN o.uid AS uid, o.name AS name, o.kind AS kind, o.staffCount AS staffCount, d.name AS division,
       head(COLLECT { MATCH (o)-[:IN_GRID]->(g:Grid) RETURN g.name ORDER BY g.name }) AS grid
ORDER BY staffCount DESC, uid
