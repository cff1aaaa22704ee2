// name: compound_place
// title: Where a compound lies: its grid and its point (the origin of resourcesForCompound's ranking)
// description: By uid. The grid it lies in (IN_GRID; the first by uid when it straddles several) and its location
// description: as {longitude, latitude}, null when the registry gave no point. resourcesForCompound ranks with
// description: resources_for_grid for that grid, distances from that point: the same rule, one place.
// params: uid (str)
// returns: compound, grid, location
// example: :param uid => 'XQ51010700100400102'
MATCH (c:Compound {uid: $uid})
RETURN c {.uid, .name} AS compound,
       [(c)-[:IN_GRID]->(g:Grid) | g {.uid, .scheme, .code, .name}][0] AS grid,
       CASE WHEN c.location IS NULL THEN null
            ELSE {longitude: c.location.longitude, latitude: c.location.latitude} END AS location
