// name: map_compounds
// title: Compounds of an area with a boundary, for the map
// description: Every compound IN_DIVISION the division (district, street or community) or a division below it that
// description: carries a polygon (boundary, GeoJSON text), with its name and type. The API simplifies the polygons
// description: and the map draws them over the grids.
// params: code (str)
// returns: uid, name, type, boundary
// example: :param code => '510107005000'
MATCH (area:Division {code: $code})
MATCH (c:Compound)-[:IN_DIVISION]->(:Division)-[:PART_OF*0..3]->(area)
WHERE c.boundary IS NOT NULL
RETURN c.uid AS uid, c.name AS name, c.type AS type, c.boundary AS boundary
ORDER BY uid
