// name: org_detail
// title: An organization by uid or by unified social credit code
// description: Any kind of organization, by its uid or its USCC (index organization_uscc), with its grid, division
// description: and the party organizations it hosts. Personal fields (party secretary, phone) only when personal is true.
// description: With withParents, each hosted party organization carries its parent (SUBORDINATE_TO), else null.
// params: uid (str or null), uscc (str or null), personal (bool), withParents (bool)
// returns: organization
// example: :param uid => null
// example: :param uscc => '91510100001646807H'
// example: :param personal => false
// example: :param withParents => true
CALL () {
  MATCH (o:Organization {uid: $uid})
  RETURN o
  UNION
  MATCH (o:Organization {uscc: $uscc})
  RETURN o
}
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
            }} AS organization
ORDER BY organization.uid
LIMIT 5
