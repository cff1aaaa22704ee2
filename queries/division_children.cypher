// name: division_children
// title: Children of a division
// description: The districts of a city, streets of a district or communities of a street, with counts of what hangs below each.
// params: code (str)
// returns: code, name, level, kind, children, grids
// example: :param code => '510107000000'
MATCH (parent:Division {code: $code})<-[:PART_OF]-(d:Division)
RETURN d.code AS code, d.name AS name, d.level AS level, d.kind AS kind,
       COUNT { (d)<-[:PART_OF]-(:Division) } AS children,
       COUNT { (d)<-[:PART_OF]-(:Grid) } AS grids
ORDER BY code
