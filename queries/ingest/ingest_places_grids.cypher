// name: ingest_places_grids
// title: Every grid with its boundary (the places snapshot of a run)
// description: Read once at the start of a run; coordinates are placed in these polygons.
// returns: uid, code, scheme, community, boundary
MATCH (g:Grid)
RETURN g.uid AS uid, g.code AS code, g.scheme AS scheme, g.communityCode AS community, g.boundary AS boundary
