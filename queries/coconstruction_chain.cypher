// name: coconstruction_chain
// title: The three-level chain 街道大工委 → 社区大党委 → 网格党支部, the 包联 departments, and where links are missing
// description: For a street (or every street of a district): the street working committee (party organization that
// description: LEADS it) and the 大工委 that ENLARGES it with its part-time members (兼职委员) and whether each
// description: member's unit was active in the activeMonths months up to asOf; each community's committee, whether it
// description: is SUBORDINATE_TO the street's, its 大党委 and members, and the departments RESPONSIBLE_FOR (包联) it or
// description: one of its grids; each grid's branch and whether it is SUBORDINATE_TO the community's. missing lists
// description: the gaps (rules and codes: queries/linkage_rules.py, docs/linkage.md): NO_STREET_COMMITTEE,
// description: NO_COMMUNITY_COMMITTEE, COMMUNITY_NOT_LINKED_TO_STREET, NO_GRID_BRANCH,
// description: GRID_BRANCH_NOT_LINKED_TO_COMMUNITY, NO_ENLARGED_COMMITTEE, NO_PART_TIME_MEMBERS,
// description: NO_RESPONSIBLE_DEPARTMENT, PART_TIME_MEMBER_INACTIVE (挂名).
// params: divisionCode (str), asOf (str), activeMonths (int)
// returns: chain
// example: :param divisionCode => '510107005000'
// example: :param asOf => '2025-06-30'
// example: :param activeMonths => 12
MATCH (a:Division {code: $divisionCode})
MATCH (a)<-[:PART_OF*0..1]-(s:Division {level: 'street'})
WITH s, date($asOf) AS asOf, date($asOf) - duration({months: $activeMonths}) AS since
WITH s, asOf, since, head(COLLECT { MATCH (s)<-[:LEADS]-(p:PartyOrganization) RETURN p ORDER BY p.uid }) AS sc
WITH s, asOf, since, sc,
  CASE WHEN sc IS NOT NULL THEN head(COLLECT { MATCH (sc)<-[:ENLARGES]-(e:PartyOrganization) RETURN e
                                               ORDER BY e.uid }) END AS se,
  COLLECT {
    MATCH (s)<-[:PART_OF]-(c:Division)
    WITH c, head(COLLECT { MATCH (c)<-[:LEADS]-(p:PartyOrganization) RETURN p ORDER BY p.uid }) AS cc
    WITH c, cc, CASE WHEN cc IS NOT NULL THEN head(COLLECT { MATCH (cc)<-[:ENLARGES]-(e:PartyOrganization)
                                                             RETURN e ORDER BY e.uid }) END AS ce
    ORDER BY c.code
    RETURN {
      community: c {.code, .name, .level},
      committee: CASE WHEN cc IS NULL THEN null ELSE cc {.uid, .name, .kind} END,
      enlarged: ce,
      linkedToStreet: cc IS NOT NULL AND sc IS NOT NULL AND EXISTS { (cc)-[:SUBORDINATE_TO]->(sc) },
      departments: COLLECT {
        MATCH (c)<-[:PART_OF*0..1]-(x)<-[:RESPONSIBLE_FOR]-(d:Department)
        WHERE x = c OR x:Grid
        RETURN DISTINCT d {.uid, .name, .type} AS d ORDER BY d.uid
      },
      grids: COLLECT {
        MATCH (c)<-[:PART_OF]-(g:Grid)
        WITH g, head(COLLECT { MATCH (g)<-[:LEADS]-(b:PartyOrganization) RETURN b ORDER BY b.uid }) AS b
        ORDER BY g.uid
        RETURN {grid: g {.uid, .scheme, .code, .name},
                branch: CASE WHEN b IS NULL THEN null ELSE b {.uid, .name, .kind} END,
                linkedToCommunity: b IS NOT NULL AND cc IS NOT NULL AND EXISTS { (b)-[:SUBORDINATE_TO]->(cc) }} AS gl
      }
    } AS cl
  } AS cls
// the part-time members of every enlarged committee of the street, the activity of each unit decided once (挂名 rule)
CALL (se, cls, asOf, since) {
  UNWIND [se] + [cl IN cls | cl.enlarged] AS e
  WITH DISTINCT e WHERE e IS NOT NULL
  MATCH (u:Organization)-[m:PART_TIME_MEMBER_OF]->(e)
  WITH e, u, m, asOf, since ORDER BY e.uid, u.uid
  RETURN collect({
    committee: e.uid, unit: u {.uid, .name, .kind}, role: m.role, since: m.since,
    active:
      EXISTS { MATCH (u)<-[:LED_BY]-(p:Project)
               WHERE any(d IN [p.startedOn, p.deliveredOn, p.acceptedOn] WHERE since <= d <= asOf) }
      OR EXISTS { MATCH (u)-[:PROVIDES]->(:Resource)<-[:USES]-(p:Project)
                  WHERE any(d IN [p.startedOn, p.deliveredOn, p.acceptedOn] WHERE since <= d <= asOf) }
      OR EXISTS { MATCH (u)-[:PROVIDES]->(r:Resource)
                  WHERE coalesce(r.status, 'available') <> 'withdrawn'
                    AND coalesce(r.availableFrom, asOf) <= asOf AND coalesce(r.availableTo, since) >= since }
      OR EXISTS { MATCH (u)<-[:SIGNED_BY]-(g:Agreement)
                  WHERE g.signedOn <= asOf AND coalesce(g.validTo, g.signedOn) >= since }
  }) AS members
}
WITH s, sc, se, members,
  [cl IN cls | cl {.community, .committee, .linkedToStreet, .departments, .grids,
    enlargedCommittee: CASE WHEN cl.enlarged IS NULL THEN null ELSE {uid: cl.enlarged.uid, name: cl.enlarged.name,
      kind: cl.enlarged.kind, category: cl.enlarged.category,
      partTimeMembers: [m IN members WHERE m.committee = cl.enlarged.uid | m {.unit, .role, .since, .active}]} END}]
  AS communities
WITH s, sc, communities,
  CASE WHEN se IS NULL THEN null ELSE se {.uid, .name, .kind, .category,
    partTimeMembers: [m IN members WHERE m.committee = se.uid | m {.unit, .role, .since, .active}]} END AS sec
ORDER BY s.code
WITH s, sc, sec, communities,
  {level: 'street', code: s.code, name: s.name} AS sa
RETURN {
  street: s {.code, .name, .level},
  streetCommittee: CASE WHEN sc IS NULL THEN null ELSE sc {.uid, .name, .kind} END,
  streetEnlargedCommittee: sec,
  communities: communities,
  missing:
    [x IN [CASE WHEN sc IS NULL THEN sa {.*, problem: 'NO_STREET_COMMITTEE'}
                WHEN sec IS NULL THEN sa {.*, problem: 'NO_ENLARGED_COMMITTEE'}
                WHEN size(sec.partTimeMembers) = 0 THEN sa {.*, problem: 'NO_PART_TIME_MEMBERS'} END]
     WHERE x IS NOT NULL]
    + [m IN coalesce(sec.partTimeMembers, []) WHERE NOT m.active
       | sa {.*, problem: 'PART_TIME_MEMBER_INACTIVE', unit: m.unit}]
    + reduce(acc = [], cl IN communities | acc
      + [x IN [
          CASE WHEN cl.committee IS NULL THEN {level: 'community', code: cl.community.code, name: cl.community.name,
                                               problem: 'NO_COMMUNITY_COMMITTEE'}
               WHEN NOT cl.linkedToStreet THEN {level: 'community', code: cl.community.code, name: cl.community.name,
                                                problem: 'COMMUNITY_NOT_LINKED_TO_STREET'} END,
          CASE WHEN cl.committee IS NOT NULL AND cl.enlargedCommittee IS NULL
               THEN {level: 'community', code: cl.community.code, name: cl.community.name,
                     problem: 'NO_ENLARGED_COMMITTEE'}
               WHEN size(cl.enlargedCommittee.partTimeMembers) = 0
               THEN {level: 'community', code: cl.community.code, name: cl.community.name,
                     problem: 'NO_PART_TIME_MEMBERS'} END,
          CASE WHEN size(cl.departments) = 0 THEN {level: 'community', code: cl.community.code,
                                                   name: cl.community.name, problem: 'NO_RESPONSIBLE_DEPARTMENT'} END]
         WHERE x IS NOT NULL]
      + [m IN coalesce(cl.enlargedCommittee.partTimeMembers, []) WHERE NOT m.active
         | {level: 'community', code: cl.community.code, name: cl.community.name,
            problem: 'PART_TIME_MEMBER_INACTIVE', unit: m.unit}]
      + [gl IN cl.grids WHERE gl.branch IS NULL
         | {level: 'grid', code: gl.grid.code, name: gl.grid.name, problem: 'NO_GRID_BRANCH'}]
      + [gl IN cl.grids WHERE gl.branch IS NOT NULL AND NOT gl.linkedToCommunity
         | {level: 'grid', code: gl.grid.code, name: gl.grid.name, problem: 'GRID_BRANCH_NOT_LINKED_TO_COMMUNITY'}])
} AS chain
