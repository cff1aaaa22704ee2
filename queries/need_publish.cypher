// name: need_publish
// title: Publish a need (mutation publishNeed)
// description: Creates an open Need in a grid (and its community) or in a division, optionally raised by an
// description: organization — once per clientMutationId: a replay returns the first result and writes nothing.
// description: problems lists references that do not exist (the API then rolls the transaction back). The places
// description: and the organization are write-locked before they are checked, so they cannot go away meanwhile.
// params: clientMutationId (str), inputHash (str), nonce (str), uid (str), title (str), category (str), description (str or null),
// params: urgency (int), neededBy (date or null), gridUid (str or null), divisionCode (str or null),
// params: raisedByUid (str or null)
// returns: problems, replayed, mutation, inputHash, result, need
// example: :param clientMutationId => 'guide-need-1'
// example: :param inputHash => 'guide'
// example: :param nonce => 'guide-1'
// example: :param uid => 'need-guide-1'
// example: :param title => '周末青少年活动场地（示例）'
// example: :param category => 'venue'
// example: :param description => '暑期每周六上午'
// example: :param urgency => 2
// example: :param neededBy => null
// example: :param gridUid => 'LOCAL:510107001004001'
// example: :param divisionCode => null
// example: :param raisedByUid => null
// the id first: MERGE on the unique id makes a concurrent request with the same id wait for this one to end
MERGE (m:ClientMutation {clientMutationId: $clientMutationId})
ON CREATE SET m.mutation = 'publishNeed', m.inputHash = $inputHash, m.entityUid = $uid, m.nonce = $nonce,
              m.at = datetime()
WITH m, m.nonce = $nonce AS fresh
OPTIONAL MATCH (g:Grid {uid: $gridUid}) WHERE fresh
OPTIONAL MATCH (d:Division {code: $divisionCode}) WHERE fresh
OPTIONAL MATCH (o:Organization {uid: $raisedByUid}) WHERE fresh
// the write locks, before the references are checked (one order in every mutation: places, then organizations)
SET g._lock = true
SET d._lock = true
SET o._lock = true
WITH m, fresh, g, d, o
OPTIONAL MATCH (g)-[:PART_OF]->(gc:Division)
WITH m, fresh, g, d, coalesce(gc, d) AS place, o,
  CASE WHEN NOT fresh THEN [] ELSE [x IN [
    CASE WHEN $gridUid IS NOT NULL AND g IS NULL THEN {field: 'gridCode', code: 'NOT_FOUND'} END,
    CASE WHEN $divisionCode IS NOT NULL AND d IS NULL THEN {field: 'divisionCode', code: 'NOT_FOUND'} END,
    CASE WHEN $raisedByUid IS NOT NULL AND o IS NULL THEN {field: 'raisedByUid', code: 'NOT_FOUND'} END
  ] WHERE x IS NOT NULL] END AS problems
CALL (fresh, g, place, o, problems) {
  WITH * WHERE fresh AND size(problems) = 0
  CREATE (n:Need {uid: $uid, title: $title, category: $category, description: $description, status: 'open',
                  urgency: $urgency, neededBy: $neededBy, publishedOn: date({timezone: 'Asia/Shanghai'}),
                  source: 'api', updatedAt: datetime()})
  FOREACH (_ IN CASE WHEN g IS NULL THEN [] ELSE [1] END | CREATE (n)-[:IN_GRID]->(g))
  FOREACH (_ IN CASE WHEN place IS NULL THEN [] ELSE [1] END | CREATE (n)-[:IN_DIVISION]->(place))
  FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | CREATE (n)-[:RAISED_BY]->(o))
}
REMOVE g._lock, d._lock, o._lock
WITH m, fresh, problems
// shaped when this request wrote it, or for a replay of a record from before first results were stored
OPTIONAL MATCH (n:Need {uid: m.entityUid})
  WHERE size(problems) = 0 AND (fresh OR m.result IS NULL OR m.result STARTS WITH '{"mutation"')
RETURN problems, NOT fresh AS replayed, m.mutation AS mutation, m.inputHash AS inputHash, m.result AS result,
       CASE WHEN n IS NULL THEN null ELSE n {.uid, .title, .category, .description, .status, .publishedOn, .neededBy, .urgency,
         raisedBy: head(COLLECT { MATCH (n)-[:RAISED_BY]->(ro:Organization) RETURN ro {.uid, .name, .kind} AS ro ORDER BY ro.uid }),
         grid: head(COLLECT { MATCH (n)-[:IN_GRID]->(rg:Grid) RETURN rg {.uid, .scheme, .code, .name} AS rg ORDER BY rg.uid }),
         division: head(COLLECT { MATCH (n)-[:IN_DIVISION]->(rd:Division) RETURN rd {.code, .name, .level} AS rd ORDER BY rd.code })} END AS need
