// name: org_in_area
// title: Organizations in a grid, community, street or district, with filters
// description: Give gridUid (scheme:code) or divisionCode. Organizations placed in the area (IN_GRID for a grid;
// description: IN_DIVISION on the division or any division below it), filtered by kind, status, industry and whether
// description: they host a party organization; keyset pagination on uid. totalCount is two COUNT {} subqueries
// description: (each organization has one most-precise IN_DIVISION, so nothing is counted twice).
// description: With withParents, each hosted party organization carries its parent (SUBORDINATE_TO), else null.
// params: gridUid (str or null), divisionCode (str or null), kind (str or null), status (str or null),
// params: industry (str or null), hasPartyOrganization (bool or null), after (str or null), first (int),
// params: withTotal (bool), personal (bool), withParents (bool)
// returns: found, totalCount, nodes
// example: :param gridUid => null
// example: :param divisionCode => '510107005000'
// example: :param kind => 'enterprise'
// example: :param status => null
// example: :param industry => null
// example: :param hasPartyOrganization => null
// example: :param after => null
// example: :param first => 20
// example: :param withTotal => true
// example: :param personal => false
// example: :param withParents => true
CALL () {
  MATCH (a:Grid {uid: $gridUid})
  RETURN a
  UNION
  MATCH (a:Division {code: $divisionCode})
  RETURN a
}
WITH a
LIMIT 1
RETURN true AS found,
  CASE WHEN $withTotal THEN
    COUNT {
      MATCH (a)<-[:PART_OF*0..3]-(:Division)<-[:IN_DIVISION]-(o:Organization)
      WHERE ($kind IS NULL OR o.kind = $kind) AND ($status IS NULL OR o.status = $status)
        AND ($industry IS NULL OR o.industry = $industry)
        AND CASE WHEN $hasPartyOrganization IS NULL THEN true
                 ELSE EXISTS { (o)<-[:HOSTED_BY]-(:PartyOrganization) } = $hasPartyOrganization END
    } + COUNT {
      MATCH (a)<-[:IN_GRID]-(o:Organization)
      WHERE ($kind IS NULL OR o.kind = $kind) AND ($status IS NULL OR o.status = $status)
        AND ($industry IS NULL OR o.industry = $industry)
        AND CASE WHEN $hasPartyOrganization IS NULL THEN true
                 ELSE EXISTS { (o)<-[:HOSTED_BY]-(:PartyOrganization) } = $hasPartyOrganization END
    }
  END AS totalCount,
  COLLECT {
    CALL (a) {
      MATCH (a)<-[:PART_OF*0..3]-(:Division)<-[:IN_DIVISION]-(o:Organization)
      RETURN o
      UNION
      MATCH (a)<-[:IN_GRID]-(o:Organization)
      RETURN o
    }
    WITH o
    WHERE ($after IS NULL OR o.uid > $after)
      AND ($kind IS NULL OR o.kind = $kind) AND ($status IS NULL OR o.status = $status)
      AND ($industry IS NULL OR o.industry = $industry)
      AND CASE WHEN $hasPartyOrganization IS NULL THEN true
               ELSE EXISTS { (o)<-[:HOSTED_BY]-(:PartyOrganization) } = $hasPartyOrganization END
    WITH o
    ORDER BY o.uid
    LIMIT $first + 1
    RETURN o {.uid, .kind, .name, .shortName, .alias, .uscc, .usccValid, .status, .active, .address, .placement, .industry,
            .orgType, .foundedOn, .staffCount, .category, .memberCount,
            secretaryName: CASE WHEN $personal THEN o.secretaryName END,
            contactPhone: CASE WHEN $personal THEN o.contactPhone END,
            location: CASE WHEN o.location IS NULL THEN null
                      ELSE {longitude: o.location.longitude, latitude: o.location.latitude} END,
            grid: head(COLLECT { MATCH (o)-[:IN_GRID]->(g:Grid) RETURN g {.uid, .scheme, .code, .name, .shortName} AS g ORDER BY g.uid }),
            division: head(COLLECT { MATCH (o)-[:IN_DIVISION]->(d:Division) RETURN d {.code, .name, .shortName, .level} AS d ORDER BY d.code }),
            partyOrganizations: COLLECT {
              MATCH (o)<-[:HOSTED_BY]-(p:PartyOrganization)
              RETURN p {.uid, .name, .kind, .category,
                        parent: CASE WHEN $withParents THEN head(COLLECT {
                          MATCH (p)-[:SUBORDINATE_TO]->(x:PartyOrganization)
                          RETURN x {.uid, .name, .kind, .category} AS x ORDER BY x.uid
                        }) END} AS p ORDER BY p.uid
            }} AS o
  } AS nodes
