// name: project_advance
// title: Move a project to its next status (mutation advanceProject)
// description: claimed → in_progress (startedOn) → delivered (deliveredOn) → accepted (acceptedOn, evaluation,
// description: rating; the need is closed). Only the next status is allowed, and a step's date is not before the
// description: previous step's (problem on 'on'). The project is write-locked before its status is read, so of
// description: concurrent identical steps exactly one is done and the others conflict. Once per clientMutationId: a
// description: replay (fresh = false) returns the first result stored on the ClientMutation and writes nothing.
// params: clientMutationId (str), inputHash (str), nonce (str), uid (str), to (str), on (date),
// params: evaluation (str or null), rating (int or null)
// returns: problems, replayed, mutation, inputHash, result, project
// example: :param clientMutationId => 'guide-advance-1'
// example: :param inputHash => 'guide'
// example: :param nonce => 'guide-1'
// example: :param uid => 'proj-guide-1'
// example: :param to => 'in_progress'
// example: :param on => date('2026-07-04')
// example: :param evaluation => null
// example: :param rating => null
// the id first: MERGE on the unique id makes a concurrent request with the same id wait for this one to end
MERGE (m:ClientMutation {clientMutationId: $clientMutationId})
ON CREATE SET m.mutation = 'advanceProject', m.inputHash = $inputHash, m.entityUid = $uid, m.nonce = $nonce,
              m.at = datetime()
WITH m, m.nonce = $nonce AS fresh
OPTIONAL MATCH (p:Project {uid: $uid}) WHERE fresh
// the write lock, before the status is read
SET p._lock = true
WITH m, fresh, p
WITH m, fresh, p, {claimed: 'in_progress', in_progress: 'delivered', delivered: 'accepted'}[p.status] AS next,
     CASE $to WHEN 'delivered' THEN p.startedOn WHEN 'accepted' THEN coalesce(p.deliveredOn, p.startedOn) END AS after
WITH m, fresh, p,
  CASE WHEN NOT fresh THEN [] ELSE [x IN [
    CASE WHEN p IS NULL THEN {field: 'projectUid', code: 'NOT_FOUND'}
         WHEN next IS NULL OR next <> $to THEN {field: 'to', code: 'CONFLICT', status: p.status, next: next}
         WHEN after IS NOT NULL AND $on < after THEN {field: 'on', code: 'BEFORE', after: toString(after)} END
  ] WHERE x IS NOT NULL] END AS problems
CALL (fresh, p, problems) {
  WITH * WHERE fresh AND size(problems) = 0
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
REMOVE p._lock
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
