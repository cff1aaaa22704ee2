// name: project_claim
// title: Claim a need with a resource (mutation claimNeed)
// description: Creates a Project (status claimed) that ADDRESSES the need, USES the resource and is LED_BY the
// description: leading organization (default: the resource's provider), placed where the need is; the need becomes
// description: claimed. The need must be open and the resource available. Once per clientMutationId.
// params: clientMutationId (str), inputHash (str), nonce (str), uid (str), result (str), needUid (str), resourceUid (str), name (str or null),
// params: leadOrganizationUid (str or null)
// returns: problems, replayed, mutation, inputHash, project
// example: :param clientMutationId => 'guide-claim-1'
// example: :param inputHash => 'guide'
// example: :param nonce => 'guide-1'
// example: :param uid => 'proj-guide-1'
// example: :param result => '{"mutation": "claimNeed", "uid": "proj-guide-1"}'
// example: :param needUid => 'need-guide-1'
// example: :param resourceUid => 'res-guide-1'
// example: :param name => '周末青少年活动（示例）'
// example: :param leadOrganizationUid => null
OPTIONAL MATCH (prev:ClientMutation {clientMutationId: $clientMutationId})
OPTIONAL MATCH (n:Need {uid: $needUid})
OPTIONAL MATCH (r:Resource {uid: $resourceUid})
OPTIONAL MATCH (lead:Organization {uid: $leadOrganizationUid})
WITH prev, n, r, coalesce(lead, head(COLLECT { MATCH (r)<-[:PROVIDES]-(p:Organization) RETURN p ORDER BY p.uid })) AS leader,
  lead IS NULL AND $leadOrganizationUid IS NOT NULL AS leadMissing
WITH prev, n, r, leader,
  CASE WHEN prev IS NOT NULL THEN [] ELSE [x IN [
    CASE WHEN n IS NULL THEN {field: 'needUid', code: 'NOT_FOUND'}
         WHEN n.status <> 'open' THEN {field: 'needUid', code: 'CONFLICT', status: n.status} END,
    CASE WHEN r IS NULL THEN {field: 'resourceUid', code: 'NOT_FOUND'}
         WHEN r.status <> 'available' THEN {field: 'resourceUid', code: 'CONFLICT', status: r.status} END,
    CASE WHEN leadMissing THEN {field: 'leadOrganizationUid', code: 'NOT_FOUND'}
         WHEN r IS NOT NULL AND leader IS NULL THEN {field: 'leadOrganizationUid', code: 'REQUIRED'} END
  ] WHERE x IS NOT NULL] END AS problems
OPTIONAL CALL (prev, n, r, leader, problems) {
  WITH * WHERE size(problems) = 0
  MERGE (m:ClientMutation {clientMutationId: $clientMutationId})
  ON CREATE SET m.mutation = 'claimNeed', m.inputHash = $inputHash, m.entityUid = $uid, m.nonce = $nonce,
                m.result = $result, m.at = datetime()
  WITH *, m.nonce = $nonce AS fresh
  CALL (fresh, n, r, leader) {
    WITH * WHERE fresh
    CREATE (x:Project {uid: $uid, name: coalesce($name, n.title), status: 'claimed', source: 'api',
                       updatedAt: datetime()})
    CREATE (x)-[:ADDRESSES]->(n), (x)-[:USES]->(r), (x)-[:LED_BY]->(leader)
    SET n.status = 'claimed', n.updatedAt = datetime()
    WITH x, n
    CALL (x, n) {
      MATCH (n)-[:IN_GRID]->(g:Grid)
      CREATE (x)-[:IN_GRID]->(g)
    }
    CALL (x, n) {
      MATCH (n)-[:IN_DIVISION]->(d:Division)
      CREATE (x)-[:IN_DIVISION]->(d)
    }
  }
  RETURN m
}
OPTIONAL MATCH (x:Project {uid: m.entityUid})
RETURN problems, m.nonce <> $nonce AS replayed, m.mutation AS mutation, m.inputHash AS inputHash,
       CASE WHEN x IS NULL THEN null ELSE x {.uid, .name, .status, .startedOn, .deliveredOn, .acceptedOn, .evaluation, .rating,
         need: head(COLLECT { MATCH (x)-[:ADDRESSES]->(rn:Need) RETURN rn {.uid, .title, .category, .status} AS rn }),
         resource: head(COLLECT { MATCH (x)-[:USES]->(rr:Resource) RETURN rr {.uid, .name, .category} AS rr }),
         leadOrganization: head(COLLECT { MATCH (x)-[:LED_BY]->(ro:Organization) RETURN ro {.uid, .name, .kind} AS ro }),
         grid: head(COLLECT { MATCH (x)-[:IN_GRID]->(rg:Grid) RETURN rg {.uid, .scheme, .code, .name} AS rg ORDER BY rg.uid }),
         division: head(COLLECT { MATCH (x)-[:IN_DIVISION]->(rd:Division) RETURN rd {.code, .name, .level} AS rd ORDER BY rd.code })} END AS project
