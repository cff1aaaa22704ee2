// name: resource_list
// title: Resources in an area
// description: Give gridUid (scheme:code) or divisionCode: the Resources placed in that grid, or in the division or any
// description: division below it, filtered, a page at a time (keyset on uid). totalCount is COUNT {} subqueries and
// description: only computed when withTotal is true.
// params: gridUid (str or null), divisionCode (str or null), category (str or null), status (str or null), after (str or null), first (int), withTotal (bool)
// returns: found, totalCount, nodes
// example: :param gridUid => null
// example: :param divisionCode => '510107005001'
// example: :param after => null
// example: :param first => 20
// example: :param withTotal => true
// example: :param category => null
// example: :param status => null
CALL () {
  MATCH (a:Grid {uid: $gridUid})
  RETURN a
  UNION
  MATCH (a:Division {code: $divisionCode})
  RETURN a
}
WITH a
LIMIT 1
// one pass over the area: the count and the page come from the same rows
WITH a, COLLECT {
    CALL (a) {
      MATCH (a)<-[:PART_OF*0..3]-(:Division)<-[:IN_DIVISION]-(x:Resource)
      RETURN x
      UNION
      MATCH (a)<-[:IN_GRID]-(x:Resource)
      RETURN x
    }
    WITH x
    WHERE ($category IS NULL OR x.category = $category) AND ($status IS NULL OR x.status = $status)
    RETURN x
  } AS xs
RETURN true AS found,
  CASE WHEN $withTotal THEN size(xs) END AS totalCount,
  COLLECT {
    UNWIND xs AS x
    WITH x
    WHERE $after IS NULL OR x.uid > $after
    WITH x
    ORDER BY x.uid
    LIMIT $first + 1
    RETURN x {.uid, .name, .category, .description, .capacity, .status, .serviceRadiusM, .availableFrom, .availableTo,
         .weekdays, opensAt: toString(x.opensAt), closesAt: toString(x.closesAt),
         location: CASE WHEN x.location IS NULL THEN null
                   ELSE {longitude: x.location.longitude, latitude: x.location.latitude} END,
         provider: head(COLLECT { MATCH (x)<-[:PROVIDES]-(o:Organization) RETURN o {.uid, .name, .kind} AS o ORDER BY o.uid }),
         grid: head(COLLECT { MATCH (x)-[:IN_GRID]->(g:Grid) RETURN g {.uid, .scheme, .code, .name} AS g ORDER BY g.uid }),
         division: head(COLLECT { MATCH (x)-[:IN_DIVISION]->(d:Division) RETURN d {.code, .name, .level} AS d ORDER BY d.code })} AS x
  } AS nodes
