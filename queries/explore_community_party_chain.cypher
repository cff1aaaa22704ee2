// name: explore_community_party_chain
// title: A community's party chain
// description: The area party organizations above and below a community: the street working committee, the community committee and each grid's branch (null where a grid has none), with the superior each one reports to.
// params: code (str)
// returns: tier, area, areaName, partyOrg, partyOrgName, category, superior, memberCount
// example: :param code => '510107005001'
MATCH (c:Division {code: $code})
CALL (c) {
  MATCH (c)-[:PART_OF]->(s:Division)<-[:LEADS]-(po:PartyOrganization)
  RETURN 1 AS rank, 'street' AS tier, s.code AS area, s.name AS areaName, po
  UNION
  MATCH (c)<-[:LEADS]-(po:PartyOrganization)
  RETURN 2 AS rank, 'community' AS tier, c.code AS area, c.name AS areaName, po
  UNION
  MATCH (g:Grid)-[:PART_OF]->(c)
  OPTIONAL MATCH (g)<-[:LEADS]-(po:PartyOrganization)
  RETURN 3 AS rank, 'grid' AS tier, g.uid AS area, g.name AS areaName, po
}
RETURN tier, area, areaName, po.uid AS partyOrg, po.name AS partyOrgName, po.category AS category,
       head(COLLECT { MATCH (po)-[:SUBORDINATE_TO]->(up:PartyOrganization) RETURN up.name ORDER BY up.name }) AS superior,
       po.memberCount AS memberCount
ORDER BY rank, area, partyOrg
