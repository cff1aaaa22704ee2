// name: explore_resources_by_category
// title: Available resources in an area, by category
// description: The available resources placed anywhere inside a division (district, street or community), optionally of one category (venue, medical, elderly, ...; null for all), with their providers and where they are.
// params: code (str), category (str?)
// returns: category, uid, name, providers, division, grid, capacity
// example: :param code => '510107005000'
// example: :param category => 'venue'
MATCH (area:Division {code: $code})
MATCH (r:Resource)-[:IN_DIVISION]->(d:Division)-[:PART_OF*0..3]->(area)
WHERE r.status = 'available' AND ($category IS NULL OR r.category = $category)
RETURN r.category AS category, r.uid AS uid, r.name AS name,
       COLLECT { MATCH (o:Organization)-[:PROVIDES]->(r) RETURN o.name ORDER BY o.name } AS providers,
       d.name AS division,
       head(COLLECT { MATCH (r)-[:IN_GRID]->(g:Grid) RETURN g.name ORDER BY g.name }) AS grid,
       r.capacity AS capacity
ORDER BY category, name, uid
