// name: division_roots
// title: Top of the division tree
// description: Cities (and districts without a parent city) — where the division tree starts; uses the level index.
// params:
// returns: division
MATCH (d:Division)
WHERE d.level IN ['city', 'district'] AND NOT EXISTS { (d)-[:PART_OF]->(:Division) }
RETURN d {.code, .name, .level, .kind,
          childCount: COUNT { (d)<-[:PART_OF]-(:Division) },
          gridCount: COUNT { (d)<-[:PART_OF*1..4]-(:Grid) }} AS division
ORDER BY division.code
