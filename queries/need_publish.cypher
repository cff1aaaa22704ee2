// name: need_publish
// title: Publish a need (mutation publishNeed)
// description: Creates an open Need in a grid (and its community) or in a division, optionally raised by an
// description: organization — once per clientMutationId: a replay returns the first result and writes nothing.
// description: problems lists references that do not exist (the API then rolls the transaction back).
// params: clientMutationId (str), inputHash (str), nonce (str), uid (str), result (str), title (str), category (str), description (str or null),
// params: urgency (int), neededBy (date or null), gridUid (str or null), divisionCode (str or null),
// params: raisedByUid (str or null)
// returns: problems, replayed, mutation, inputHash, need
// example: :param clientMutationId => 'guide-need-1'
// example: :param inputHash => 'guide'
// example: :param nonce => 'guide-1'
// example: :param uid => 'need-guide-1'
// example: :param result => '{"mutation": "publishNeed", "uid": "need-guide-1"}'
// example: :param title => '周末青少年活动场地（示例）'
// example: :param category => 'venue'
// example: :param description => '暑期每周六上午'
// example: :param urgency => 2
// example: :param neededBy => null
// example: :param gridUid => 'LOCAL:510107001004001'
// example: :param divisionCode => null
// example: :param raisedByUid => null
OPTIONAL MATCH (prev:ClientMutation {clientMutationId: $clientMutationId})
OPTIONAL MATCH (g:Grid {uid: $gridUid})
OPTIONAL MATCH (g)-[:PART_OF]->(gc:Division)
OPTIONAL MATCH (d:Division {code: $divisionCode})
OPTIONAL MATCH (o:Organization {uid: $raisedByUid})
WITH prev, g, coalesce(gc, d) AS place, o,
  CASE WHEN prev IS NOT NULL THEN [] ELSE [x IN [
    CASE WHEN $gridUid IS NOT NULL AND g IS NULL THEN {field: 'gridCode', code: 'NOT_FOUND'} END,
    CASE WHEN $divisionCode IS NOT NULL AND d IS NULL THEN {field: 'divisionCode', code: 'NOT_FOUND'} END,
    CASE WHEN $raisedByUid IS NOT NULL AND o IS NULL THEN {field: 'raisedByUid', code: 'NOT_FOUND'} END
  ] WHERE x IS NOT NULL] END AS problems
OPTIONAL CALL (prev, g, place, o, problems) {
  WITH * WHERE size(problems) = 0
  MERGE (m:ClientMutation {clientMutationId: $clientMutationId})
  ON CREATE SET m.mutation = 'publishNeed', m.inputHash = $inputHash, m.entityUid = $uid, m.nonce = $nonce,
                m.result = $result, m.at = datetime()
  WITH *, m.nonce = $nonce AS fresh
  CALL (fresh, g, place, o) {
    WITH * WHERE fresh
    CREATE (n:Need {uid: $uid, title: $title, category: $category, description: $description, status: 'open',
                    urgency: $urgency, neededBy: $neededBy, publishedOn: date(), source: 'api', updatedAt: datetime()})
    FOREACH (_ IN CASE WHEN g IS NULL THEN [] ELSE [1] END | CREATE (n)-[:IN_GRID]->(g))
    FOREACH (_ IN CASE WHEN place IS NULL THEN [] ELSE [1] END | CREATE (n)-[:IN_DIVISION]->(place))
    FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | CREATE (n)-[:RAISED_BY]->(o))
  }
  RETURN m
}
OPTIONAL MATCH (n:Need {uid: m.entityUid})
RETURN problems, m.nonce <> $nonce AS replayed, m.mutation AS mutation, m.inputHash AS inputHash,
       CASE WHEN n IS NULL THEN null ELSE n {.uid, .title, .category, .description, .status, .publishedOn, .neededBy, .urgency,
         raisedBy: head(COLLECT { MATCH (n)-[:RAISED_BY]->(ro:Organization) RETURN ro {.uid, .name, .kind} AS ro ORDER BY ro.uid }),
         grid: head(COLLECT { MATCH (n)-[:IN_GRID]->(rg:Grid) RETURN rg {.uid, .scheme, .code, .name} AS rg ORDER BY rg.uid }),
         division: head(COLLECT { MATCH (n)-[:IN_DIVISION]->(rd:Division) RETURN rd {.code, .name, .level} AS rd ORDER BY rd.code })} END AS need
