// name: map_grids
// title: Grids of an area for the map, with their boundaries and indicators
// description: Every grid under the division (district, street or community) with its stored GeoJSON boundary,
// description: its community and street, and the map's indicators: party coverage (enterprises and social
// description: organizations in the grid hosting a party organization, out of all of them; 两个覆盖) and open needs.
// description: The API simplifies the boundaries and dissolves them into community and street outlines.
// params: code (str)
// returns: uid, code, name, boundary, communityCode, communityName, streetCode, streetName, units, coveredUnits, openNeeds
// example: :param code => '510107001000'
MATCH (area:Division {code: $code})
MATCH (g:Grid)-[:PART_OF]->(c:Division)-[:PART_OF*0..3]->(area)
OPTIONAL MATCH (c)-[:PART_OF]->(s:Division {level: 'street'})
CALL (g) {
  OPTIONAL MATCH (o:Organization)-[:IN_GRID]->(g)
  WHERE o.kind IN ['enterprise', 'social_org'] AND o.status = 'ACTIVE' AND coalesce(o.active, true)
  RETURN count(o) AS units, count(CASE WHEN EXISTS { (o)<-[:HOSTED_BY]-(:PartyOrganization) } THEN 1 END) AS coveredUnits
}
RETURN g.uid AS uid, g.code AS code, g.name AS name, g.boundary AS boundary,
       c.code AS communityCode, c.name AS communityName, s.code AS streetCode, s.name AS streetName,
       units, coveredUnits,
       COUNT { (n:Need)-[:IN_GRID]->(g) WHERE n.status = 'open' } AS openNeeds
ORDER BY uid
