// name: grid_candidates_at_point
// title: Grids whose bounding box contains a point
// description: Candidates for "which grid contains this coordinate": grids whose centroid lies within radiusM of the
// description: point (point index), kept when their bounding box contains it, nearest first. The exact polygon test
// description: runs on these few candidates in the API (shapely), since Cypher has no polygon type.
// params: scheme (str), longitude (float), latitude (float), radiusM (float)
// returns: uid, scheme, code, boundary
// example: :param scheme => 'LOCAL'
// example: :param longitude => 104.1104
// example: :param latitude => 30.7367
// example: :param radiusM => 5000.0
WITH point({longitude: $longitude, latitude: $latitude}) AS p
MATCH (g:Grid)
WHERE point.distance(g.centroid, p) <= $radiusM
  AND g.scheme = $scheme
  AND g.minLon <= $longitude <= g.maxLon AND g.minLat <= $latitude <= g.maxLat
RETURN g.uid AS uid, g.scheme AS scheme, g.code AS code, g.boundary AS boundary
ORDER BY point.distance(g.centroid, p), g.uid
LIMIT 20
