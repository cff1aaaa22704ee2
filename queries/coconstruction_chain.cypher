// name: coconstruction_chain
// title: The three-level chain street → community → grid, and where links are missing
// description: For a street (or every street of a district): the street working committee (party organization that
// description: LEADS it), each community's party committee and whether it is SUBORDINATE_TO the street's, each grid's
// description: branch and whether it is SUBORDINATE_TO the community's. missing lists the gaps: NO_STREET_COMMITTEE,
// description: NO_COMMUNITY_COMMITTEE, COMMUNITY_NOT_LINKED_TO_STREET, NO_GRID_BRANCH,
// description: GRID_BRANCH_NOT_LINKED_TO_COMMUNITY.
// params: divisionCode (str)
// returns: chain
// example: :param divisionCode => '510107005000'
MATCH (a:Division {code: $divisionCode})
MATCH (a)<-[:PART_OF*0..1]-(s:Division {level: 'street'})
WITH s, head(COLLECT { MATCH (s)<-[:LEADS]-(p:PartyOrganization) RETURN p ORDER BY p.uid }) AS sc
WITH s, sc,
  COLLECT {
    MATCH (s)<-[:PART_OF]-(c:Division)
    WITH c, head(COLLECT { MATCH (c)<-[:LEADS]-(p:PartyOrganization) RETURN p ORDER BY p.uid }) AS cc
    ORDER BY c.code
    RETURN {
      community: c {.code, .name, .level},
      committee: CASE WHEN cc IS NULL THEN null ELSE cc {.uid, .name, .kind} END,
      linkedToStreet: cc IS NOT NULL AND sc IS NOT NULL AND EXISTS { (cc)-[:SUBORDINATE_TO]->(sc) },
      grids: COLLECT {
        MATCH (c)<-[:PART_OF]-(g:Grid)
        WITH g, head(COLLECT { MATCH (g)<-[:LEADS]-(b:PartyOrganization) RETURN b ORDER BY b.uid }) AS b
        ORDER BY g.uid
        RETURN {grid: g {.uid, .scheme, .code, .name},
                branch: CASE WHEN b IS NULL THEN null ELSE b {.uid, .name, .kind} END,
                linkedToCommunity: b IS NOT NULL AND cc IS NOT NULL AND EXISTS { (b)-[:SUBORDINATE_TO]->(cc) }} AS gl
      }
    } AS cl
  } AS communities
ORDER BY s.code
RETURN {
  street: s {.code, .name, .level},
  streetCommittee: CASE WHEN sc IS NULL THEN null ELSE sc {.uid, .name, .kind} END,
  communities: communities,
  missing:
    [x IN [CASE WHEN sc IS NULL THEN {level: 'street', code: s.code, name: s.name, problem: 'NO_STREET_COMMITTEE'} END]
     WHERE x IS NOT NULL]
    + reduce(acc = [], cl IN communities | acc
      + [x IN [
          CASE WHEN cl.committee IS NULL THEN {level: 'community', code: cl.community.code, name: cl.community.name,
                                               problem: 'NO_COMMUNITY_COMMITTEE'}
               WHEN NOT cl.linkedToStreet THEN {level: 'community', code: cl.community.code, name: cl.community.name,
                                                problem: 'COMMUNITY_NOT_LINKED_TO_STREET'} END] WHERE x IS NOT NULL]
      + [gl IN cl.grids WHERE gl.branch IS NULL
         | {level: 'grid', code: gl.grid.code, name: gl.grid.name, problem: 'NO_GRID_BRANCH'}]
      + [gl IN cl.grids WHERE gl.branch IS NOT NULL AND NOT gl.linkedToCommunity
         | {level: 'grid', code: gl.grid.code, name: gl.grid.name, problem: 'GRID_BRANCH_NOT_LINKED_TO_COMMUNITY'}])
} AS chain
