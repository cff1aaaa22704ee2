// name: org_party_detail
// title: A party organization with its hierarchy and host units
// description: The party organization, the chain of organizations above it (SUBORDINATE_TO, nearest first), those
// description: directly below it, its host units (HOSTED_BY; several for a 联合党支部) and the areas it leads.
// description: Personal fields only when personal is true; members only as counts by status, derived by the rules
// description: of queries/member_rules.py on asOf (not the imported label).
// params: uid (str), personal (bool), asOf (date str), pocketMonths (int)
// returns: party
// example: :param uid => 'n:6fd575826fdc7144'
// example: :param personal => false
// example: :param asOf => '2026-12-01'
// example: :param pocketMonths => 6
MATCH (o:PartyOrganization {uid: $uid})
CALL (o) {
  MATCH (o)<-[:MEMBER_OF]-(m:PartyMember)
  WITH m, [(m)-[:IN_DIVISION]->(h:Division) | h][0] AS home
  WITH CASE
       WHEN m.transferOutOn IS NOT NULL AND m.transferInOn IS NULL
            AND m.transferOutOn <= date($asOf) - duration({months: $pocketMonths}) THEN 'pocket'
       WHEN home IS NOT NULL AND size([(m)-[:MEMBER_OF]->(:PartyOrganization)-[:IN_DIVISION]->(dv) | dv]) > 0
            AND NOT home IN [(m)-[:MEMBER_OF]->(:PartyOrganization)-[:IN_DIVISION]->(dv) | dv]
            AND NOT home IN [(m)-[:REPORTED_TO]->(dv) | dv] THEN 'hidden'
       WHEN m.status = 'flowing' THEN 'flowing'
       ELSE 'normal'
     END AS status, count(*) AS members
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
