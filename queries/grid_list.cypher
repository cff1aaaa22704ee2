// name: grid_list
// title: Grids of a community, a page at a time
// description: Grids that are PART_OF the community, ordered by uid; keyset pagination (uid > after).
// description: totalCount is a COUNT {} (no node is materialised) and only computed when withTotal is true. level
// description: is the division's level, so a caller can tell a street code (no grids of its own) from an empty community.
// params: communityCode (str), after (str or null), first (int), withTotal (bool)
// returns: level, totalCount, nodes
// example: :param communityCode => '510107005001'
// example: :param after => null
// example: :param first => 20
// example: :param withTotal => true
MATCH (c:Division {code: $communityCode})
RETURN c.level AS level, CASE WHEN $withTotal THEN COUNT { (c)<-[:PART_OF]-(:Grid) } END AS totalCount,
       COLLECT {
         MATCH (c)<-[:PART_OF]-(g:Grid)
         WHERE $after IS NULL OR g.uid > $after
         RETURN g {.uid, .scheme, .code, .name} AS g
         ORDER BY g.uid
         LIMIT $first + 1
       } AS nodes
