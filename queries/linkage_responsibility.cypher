// name: linkage_responsibility
// title: Who answers for a community at each level (三级联动责任体系)
// description: The street working committee's secretary, the departments of the street office RESPONSIBLE_FOR
// description: (包联) the community or one of its grids with their responsible person's role, the community
// description: committee's secretary and each grid branch's secretary (a grid without a branch: no organization).
// description: Committees as in coconstruction_chain (the one that LEADS the area, smallest uid first). Names only
// description: when personal is true (planners); the roles always.
// params: communityCode (str), personal (bool)
// returns: community, street, answerers
// example: :param communityCode => '510107005001'
// example: :param personal => false
MATCH (c:Division {code: $communityCode})
OPTIONAL MATCH (c)-[:PART_OF]->(s:Division {level: 'street'})
WITH c, s,
  CASE WHEN s IS NOT NULL THEN head(COLLECT { MATCH (s)<-[:LEADS]-(p:PartyOrganization) RETURN p
                                              ORDER BY p.uid }) END AS sc,
  head(COLLECT { MATCH (c)<-[:LEADS]-(p:PartyOrganization) RETURN p ORDER BY p.uid }) AS cc
RETURN c {.code, .name, .level} AS community,
       CASE WHEN s IS NULL THEN null ELSE s {.code, .name, .level} END AS street,
       [x IN [CASE WHEN sc IS NOT NULL THEN {level: 'street', role: 'street_secretary',
                                             organization: sc {.uid, .name, .kind}, department: null,
                                             areaCode: s.code, areaName: s.name,
                                             personName: CASE WHEN $personal THEN sc.secretaryName END} END]
        WHERE x IS NOT NULL]
       + COLLECT {
           MATCH (c)<-[:PART_OF*0..1]-(x)<-[r:RESPONSIBLE_FOR]-(d:Department)
           WHERE x = c OR x:Grid
           WITH d, r, x ORDER BY CASE WHEN x = c THEN 0 ELSE 1 END, x.code, d.uid
           RETURN {level: 'department', role: r.role, organization: null, department: d {.uid, .name, .type},
                   areaCode: x.code, areaName: x.name,
                   personName: CASE WHEN $personal THEN r.personName END} AS row
         }
       + [x IN [CASE WHEN cc IS NOT NULL THEN {level: 'community', role: 'community_secretary',
                                              organization: cc {.uid, .name, .kind}, department: null,
                                              areaCode: c.code, areaName: c.name,
                                              personName: CASE WHEN $personal THEN cc.secretaryName END} END]
          WHERE x IS NOT NULL]
       + COLLECT {
           MATCH (c)<-[:PART_OF]-(g:Grid)
           WITH g, head(COLLECT { MATCH (g)<-[:LEADS]-(b:PartyOrganization) RETURN b ORDER BY b.uid }) AS b
           ORDER BY g.code
           RETURN {level: 'grid', role: 'grid_secretary',
                   organization: CASE WHEN b IS NULL THEN null ELSE b {.uid, .name, .kind} END, department: null,
                   areaCode: g.code, areaName: g.name,
                   personName: CASE WHEN $personal AND b IS NOT NULL THEN b.secretaryName END} AS row
         } AS answerers
