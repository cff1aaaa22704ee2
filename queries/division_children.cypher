// name: division_children
// title: Children of a division
// description: The districts of a city, streets of a district or communities of a street, by code. With withCounts,
// description: how many divisions hang directly below each child (childCount) and how many grids lie anywhere in it
// description: (gridCount, the grids of descendants too); without it those are null and cost nothing (the API asks
// description: for them only when the client selects them). urbanRural, communityType as loaded and typeHouseholds
// description: (each compound's type and households, with withTypes: it reads every IN_DIVISION of the child) for the
// description: derived community type (queries/typology.py). No row when there is no such division.
// params: code (str), withCounts (bool), withTypes (bool)
// returns: code, children
// example: :param code => '510107000000'
// example: :param withCounts => true
// example: :param withTypes => true
MATCH (parent:Division {code: $code})
RETURN parent.code AS code,
       COLLECT {
         MATCH (parent)<-[:PART_OF]-(d:Division)
         RETURN d {.code, .name, .level, .kind, .urbanRural, .communityType,
                   typeHouseholds: CASE WHEN $withTypes THEN [(d)<-[:IN_DIVISION]-(cp:Compound) |
                                   {type: coalesce(cp.type, 'other'), households: coalesce(cp.households, 0)}] END,
                   childCount: CASE WHEN $withCounts THEN COUNT { (d)<-[:PART_OF]-(:Division) } END,
                   gridCount: CASE WHEN $withCounts THEN COUNT { (d)<-[:PART_OF*1..4]-(:Grid) } END} AS d
         ORDER BY d.code
       } AS children
