// name: grid_by_code
// title: A grid by its code
// description: The grid with its community and street, centroid, bounding box, boundary (GeoJSON text),
// description: leading party branch and how many organizations, resources and open needs lie in it.
// params: scheme (str), code (str)
// returns: grid
// example: :param scheme => 'LOCAL'
// example: :param code => '510107005001001'
MATCH (g:Grid {uid: $scheme + ':' + $code})
OPTIONAL MATCH (g)-[:PART_OF]->(c:Division)
OPTIONAL MATCH (c)-[:PART_OF]->(s:Division)
RETURN g {.uid, .scheme, .code, .name, .shortName, .communityCode, .boundary,
          community: CASE WHEN c IS NULL THEN null ELSE c {.code, .name, .level} END,
          street: CASE WHEN s IS NULL THEN null ELSE s {.code, .name, .level} END,
          centroid: CASE WHEN g.centroid IS NULL THEN null
                    ELSE {longitude: g.centroid.longitude, latitude: g.centroid.latitude} END,
          bbox: CASE WHEN g.minLon IS NULL THEN null
                ELSE {minLon: g.minLon, minLat: g.minLat, maxLon: g.maxLon, maxLat: g.maxLat} END,
          partyBranches: COLLECT {
            MATCH (g)<-[:LEADS]-(p:PartyOrganization)
            RETURN p {.uid, .name, .kind} AS p ORDER BY p.uid
          },
          organizationCount: COUNT { (g)<-[:IN_GRID]-(:Organization) },
          resourceCount: COUNT { (g)<-[:IN_GRID]-(:Resource) },
          openNeedCount: COUNT { (g)<-[:IN_GRID]-(n:Need) WHERE n.status = 'open' }} AS grid
