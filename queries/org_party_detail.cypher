// name: org_party_detail
// title: A party organization with its hierarchy and host units
// description: The party organization, the chain of organizations above it (SUBORDINATE_TO, nearest first), those
// description: directly below it, its host units (HOSTED_BY; several for a 联合党支部) and the areas it leads.
// description: Personal fields only when personal is true; members only as counts by status.
// params: uid (str), personal (bool)
// returns: party
// example: :param uid => 'n:6fd575826fdc7144'
// example: :param personal => false
MATCH (o:PartyOrganization {uid: $uid})
CALL (o) {
  MATCH (o)<-[:MEMBER_OF]-(m:PartyMember)
  WITH m.status AS status, count(*) AS members
  ORDER BY status
  RETURN collect({status: status, count: members}) AS membersByStatus
}
RETURN o {.uid, .kind, .name, .category, .memberCount, .status,
          secretaryName: CASE WHEN $personal THEN o.secretaryName END,
          contactPhone: CASE WHEN $personal THEN o.contactPhone END,
          ancestors: COLLECT {
            MATCH path = (o)-[:SUBORDINATE_TO*1..6]->(p:PartyOrganization)
            RETURN p {.uid, .name, .kind, .category} AS p ORDER BY length(path)
          },
          subordinates: COLLECT {
            MATCH (o)<-[:SUBORDINATE_TO]-(p:PartyOrganization)
            RETURN p {.uid, .name, .kind, .category} AS p ORDER BY p.uid
          },
          hosts: COLLECT {
            MATCH (o)-[:HOSTED_BY]->(h:Organization)
            RETURN h {.uid, .name, .kind} AS h ORDER BY h.uid
          },
          leads: COLLECT {
            MATCH (o)-[:LEADS]->(x)
            RETURN CASE WHEN x:Grid THEN {code: x.code, name: x.name, level: 'grid'}
                        ELSE {code: x.code, name: x.name, level: x.level} END AS x
            ORDER BY x.code
          },
          membersByStatus: membersByStatus} AS party
