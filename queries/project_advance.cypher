// name: project_advance
// title: Move a project to its next status (mutation advanceProject)
// description: claimed → in_progress (startedOn) → delivered (deliveredOn) → accepted (acceptedOn, evaluation,
// description: rating; the need is closed). Only the next status is allowed. Once per clientMutationId: a replay
// description: returns the project as it is now and writes nothing.
// params: clientMutationId (str), inputHash (str), nonce (str), uid (str), result (str), to (str), on (date), evaluation (str or null), rating (int or null)
// returns: problems, replayed, mutation, inputHash, project
// example: :param clientMutationId => 'guide-advance-1'
// example: :param inputHash => 'guide'
// example: :param nonce => 'guide-1'
// example: :param uid => 'proj-guide-1'
// example: :param result => '{"mutation": "advanceProject", "uid": "proj-guide-1"}'
// example: :param to => 'in_progress'
// example: :param on => date('2026-07-04')
// example: :param evaluation => null
// example: :param rating => null
OPTIONAL MATCH (prev:ClientMutation {clientMutationId: $clientMutationId})
OPTIONAL MATCH (p:Project {uid: $uid})
WITH prev, p, {claimed: 'in_progress', in_progress: 'delivered', delivered: 'accepted'}[p.status] AS next
WITH prev, p,
  CASE WHEN prev IS NOT NULL THEN [] ELSE [x IN [
    CASE WHEN p IS NULL THEN {field: 'projectUid', code: 'NOT_FOUND'}
         WHEN next IS NULL OR next <> $to THEN {field: 'to', code: 'CONFLICT', status: p.status, next: next} END
  ] WHERE x IS NOT NULL] END AS problems
OPTIONAL CALL (prev, p, problems) {
  WITH * WHERE size(problems) = 0
  MERGE (m:ClientMutation {clientMutationId: $clientMutationId})
  ON CREATE SET m.mutation = 'advanceProject', m.inputHash = $inputHash, m.entityUid = $uid, m.nonce = $nonce,
                m.result = $result, m.at = datetime()
  WITH *, m.nonce = $nonce AS fresh
  CALL (fresh, p) {
    WITH * WHERE fresh
    SET p.status = $to, p.updatedAt = datetime(),
        p.startedOn = CASE WHEN $to = 'in_progress' THEN $on ELSE p.startedOn END,
        p.deliveredOn = CASE WHEN $to = 'delivered' THEN $on ELSE p.deliveredOn END,
        p.acceptedOn = CASE WHEN $to = 'accepted' THEN $on ELSE p.acceptedOn END,
        p.evaluation = CASE WHEN $to = 'accepted' THEN $evaluation ELSE p.evaluation END,
        p.rating = CASE WHEN $to = 'accepted' THEN $rating ELSE p.rating END
    WITH p
    CALL (p) {
      MATCH (p)-[:ADDRESSES]->(n:Need)
      WHERE $to = 'accepted'
      SET n.status = 'closed', n.updatedAt = datetime()
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
