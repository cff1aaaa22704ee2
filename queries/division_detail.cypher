// name: division_detail
// title: A division with its ancestors and children
// description: One division by its 12-digit code: the path up to the city, its children (with how many
// description: divisions hang directly below each, and how many grids lie anywhere in it: gridCount counts the grids
// description: of descendants too; urbanRural, communityType as loaded and typeHouseholds (each compound's type and
// description: households) for the derived community type, queries/typology.py) and, for a community, its grids.
// params: code (str)
// returns: division
// example: :param code => '510107005000'
MATCH (d:Division {code: $code})
RETURN d {.code, .name, .level, .kind, .gb2260, .urbanRural,
          childCount: COUNT { (d)<-[:PART_OF]-(:Division) },
          gridCount: COUNT { (d)<-[:PART_OF*1..4]-(:Grid) },
          ancestors: COLLECT {
            MATCH path = (d)-[:PART_OF*1..4]->(a:Division)
            RETURN a {.code, .name, .level} AS a ORDER BY length(path) DESC
          },
          children: COLLECT {
            MATCH (d)<-[:PART_OF]-(x:Division)
            RETURN x {.code, .name, .level, .kind, .urbanRural, .communityType,
                      typeHouseholds: [(x)<-[:IN_DIVISION]-(cp:Compound) |
                                   {type: coalesce(cp.type, 'other'), households: coalesce(cp.households, 0)}],
                      childCount: COUNT { (x)<-[:PART_OF]-(:Division) },
                      gridCount: COUNT { (x)<-[:PART_OF*1..4]-(:Grid) }} AS x ORDER BY x.code
          },
          grids: COLLECT {
            MATCH (d)<-[:PART_OF]-(g:Grid)
            RETURN g {.uid, .scheme, .code, .name} AS g ORDER BY g.uid
          }} AS division
