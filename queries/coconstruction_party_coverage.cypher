// name: coconstruction_party_coverage
// title: Party coverage (两个覆盖) of an area
// description: For the area and every district, street and community in it (a city's row too): operating (status ACTIVE) enterprises and social
// description: organizations placed there, how many host a party organization (covered), with one of their own
// description: (single: any host link to a non-joint organization) or only a 联合党支部 (joint), and the rate
// description: covered / total (null when total is 0). uncovered lists up to uncoveredLimit organizations without any
// description: party organization, larger staff first (the current focus is units with 10+ staff).
// description: Each unit is read once: counted where it is placed, then added up along the path to the area (a
// description: district's units are not read again for each street and community row).
// params: divisionCode (str), uncoveredLimit (int)
// returns: area, rows, uncovered
// example: :param divisionCode => '510107005000'
// example: :param uncoveredLimit => 20
MATCH (a:Division {code: $divisionCode})
// city > district > street > community: three hops reach a city's communities and the units placed in them
MATCH path = (a)<-[:PART_OF*0..3]-(p:Division)
CALL (p) {
  MATCH (p)<-[:IN_DIVISION]-(o:Organization)
  WHERE o.kind IN ['enterprise', 'social_org'] AND o.status = 'ACTIVE' AND coalesce(o.active, true)
  WITH o, COLLECT { MATCH (o)<-[:HOSTED_BY]-(x:PartyOrganization) RETURN x.category } AS cats
  WITH count(o) AS total,
       count(CASE WHEN size(cats) > 0 THEN 1 END) AS covered,
       count(CASE WHEN any(x IN cats WHERE x <> '联合党支部') THEN 1 END) AS single,
       collect(CASE WHEN size(cats) = 0 THEN o END) AS bare
  RETURN total, covered, single,
         COLLECT {
           UNWIND bare AS u
           WITH u ORDER BY coalesce(u.staffCount, -1) DESC, u.uid ASC LIMIT $uncoveredLimit
           RETURN u
         } AS bare
}
WITH a, collect({path: nodes(path), total: total, covered: covered, single: single, bare: bare}) AS placed
CALL (placed) {
  UNWIND placed AS x
  UNWIND x.path AS d
  WITH d, x
  WHERE d.level IN ['city', 'district', 'street', 'community']
  WITH d, sum(x.total) AS total, sum(x.covered) AS covered, sum(x.single) AS single
  ORDER BY d.code
  RETURN collect({division: d {.code, .name, .level}, total: total, covered: covered, single: single,
                  joint: covered - single,
                  rate: CASE WHEN total = 0 THEN null ELSE round(toFloat(covered) / total, 4) END}) AS rows
}
RETURN a {.code, .name, .level} AS area, rows,
  COLLECT {
    UNWIND placed AS x
    UNWIND x.bare AS o
    WITH o ORDER BY coalesce(o.staffCount, -1) DESC, o.uid ASC LIMIT $uncoveredLimit
    RETURN o {.uid, .name, .kind, .staffCount} AS o
  } AS uncovered
