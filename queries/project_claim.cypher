// name: project_claim
// title: Claim a need with a resource (mutation claimNeed)
// description: Creates a Project (status claimed) that ADDRESSES the need, USES the resource and is LED_BY the
// description: leading organization (default: the resource's provider), placed where the need is; the need becomes
// description: claimed. The need must be open and the resource available. Once per clientMutationId: a replay
// description: (fresh = false) returns the first result stored on the ClientMutation (client_mutation_result) and writes
// description: nothing. The need and the resource are write-locked before their status is read, so of concurrent
// description: claims of one need exactly one wins and the others see it claimed (Neo4j reads committed data unlocked).
// params: clientMutationId (str), inputHash (str), nonce (str), uid (str), needUid (str), resourceUid (str),
// params: name (str or null), leadOrganizationUid (str or null)
// returns: problems, replayed, mutation, inputHash, result, project
// example: :param clientMutationId => 'guide-claim-1'
// example: :param inputHash => 'guide'
// example: :param nonce => 'guide-1'
// example: :param uid => 'proj-guide-1'
// example: :param needUid => 'need-guide-1'
// example: :param resourceUid => 'res-guide-1'
// example: :param name => '周末青少年活动（示例）'
// example: :param leadOrganizationUid => null
// the id first: MERGE on the unique id makes a concurrent request with the same id wait for this one to end
MERGE (m:ClientMutation {clientMutationId: $clientMutationId})
ON CREATE SET m.mutation = 'claimNeed', m.inputHash = $inputHash, m.entityUid = $uid, m.nonce = $nonce,
              m.at = datetime()
WITH m, m.nonce = $nonce AS fresh
OPTIONAL MATCH (n:Need {uid: $needUid}) WHERE fresh
OPTIONAL MATCH (r:Resource {uid: $resourceUid}) WHERE fresh
// the write locks, before any status is read (always need, then resource: one order, no deadlock)
SET n._lock = true
SET r._lock = true
WITH m, fresh, n, r
OPTIONAL MATCH (lead:Organization {uid: $leadOrganizationUid}) WHERE fresh
WITH m, fresh, n, r,
  coalesce(lead, head(COLLECT { MATCH (r)<-[:PROVIDES]-(p:Organization) RETURN p ORDER BY p.uid })) AS leader,
  lead IS NULL AND $leadOrganizationUid IS NOT NULL AS leadMissing
WITH m, fresh, n, r, leader,
  CASE WHEN NOT fresh THEN [] ELSE [x IN [
    CASE WHEN n IS NULL THEN {field: 'needUid', code: 'NOT_FOUND'}
         WHEN n.status <> 'open' THEN {field: 'needUid', code: 'CONFLICT', status: n.status} END,
    CASE WHEN r IS NULL THEN {field: 'resourceUid', code: 'NOT_FOUND'}
         WHEN r.status <> 'available' THEN {field: 'resourceUid', code: 'CONFLICT', status: r.status} END,
    CASE WHEN leadMissing THEN {field: 'leadOrganizationUid', code: 'NOT_FOUND'}
         WHEN r IS NOT NULL AND leader IS NULL THEN {field: 'leadOrganizationUid', code: 'REQUIRED'} END
  ] WHERE x IS NOT NULL] END AS problems
CALL (fresh, n, r, leader, problems) {
  WITH * WHERE fresh AND size(problems) = 0
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
REMOVE n._lock, r._lock
WITH m, fresh, problems
// shaped when this request wrote it, or for a replay of a record from before first results were stored
OPTIONAL MATCH (x:Project {uid: m.entityUid})
  WHERE size(problems) = 0 AND (fresh OR m.result IS NULL OR m.result STARTS WITH '{"mutation"')
RETURN problems, NOT fresh AS replayed, m.mutation AS mutation, m.inputHash AS inputHash, m.result AS result,
       CASE WHEN x IS NULL THEN null ELSE x {.uid, .name, .status, .startedOn, .deliveredOn, .acceptedOn, .evaluation, .rating,
         need: head(COLLECT { MATCH (x)-[:ADDRESSES]->(rn:Need) RETURN rn {.uid, .title, .category, .status} AS rn }),
         resource: head(COLLECT { MATCH (x)-[:USES]->(rr:Resource) RETURN rr {.uid, .name, .category} AS rr }),
         leadOrganization: head(COLLECT { MATCH (x)-[:LED_BY]->(ro:Organization) RETURN ro {.uid, .name, .kind} AS ro }),
         grid: head(COLLECT { MATCH (x)-[:IN_GRID]->(rg:Grid) RETURN rg {.uid, .scheme, .code, .name} AS rg ORDER BY rg.uid }),
         division: head(COLLECT { MATCH (x)-[:IN_DIVISION]->(rd:Division) RETURN rd {.code, .name, .level} AS rd ORDER BY rd.code })} END AS project
