// name: resource_publish
// title: Publish a resource (mutation publishResource)
// description: Creates an available Resource provided by an organization, placed in a grid (and its community) or a
// description: division and/or at a point — once per clientMutationId (a replay returns the first result). The
// description: places and the provider are write-locked before they are checked, so they cannot go away meanwhile.
// params: clientMutationId (str), inputHash (str), nonce (str), uid (str), name (str), category (str), description (str or null),
// params: capacity (str or null), providerUid (str), gridUid (str or null), divisionCode (str or null),
// params: longitude (float or null), latitude (float or null), availableFrom (date or null), availableTo (date or null),
// params: weekdays (list[int] or null), opensAt (str or null), closesAt (str or null), serviceRadiusM (int or null)
// returns: problems, replayed, mutation, inputHash, result, resource
// example: :param clientMutationId => 'guide-resource-1'
// example: :param inputHash => 'guide'
// example: :param nonce => 'guide-1'
// example: :param uid => 'res-guide-1'
// example: :param name => '玉林社区活动室（示例）'
// example: :param category => 'venue'
// example: :param description => '周末开放，可容纳 40 人'
// example: :param capacity => '40人'
// example: :param providerUid => '91510100001646807H'
// example: :param gridUid => 'LOCAL:510107001004001'
// example: :param divisionCode => null
// example: :param longitude => 104.1104
// example: :param latitude => 30.7367
// example: :param availableFrom => null
// example: :param availableTo => null
// example: :param weekdays => [6, 7]
// example: :param opensAt => '09:00'
// example: :param closesAt => '17:00'
// example: :param serviceRadiusM => 1500
// the id first: MERGE on the unique id makes a concurrent request with the same id wait for this one to end
MERGE (m:ClientMutation {clientMutationId: $clientMutationId})
ON CREATE SET m.mutation = 'publishResource', m.inputHash = $inputHash, m.entityUid = $uid, m.nonce = $nonce,
              m.at = datetime()
WITH m, m.nonce = $nonce AS fresh
OPTIONAL MATCH (g:Grid {uid: $gridUid}) WHERE fresh
OPTIONAL MATCH (d:Division {code: $divisionCode}) WHERE fresh
OPTIONAL MATCH (o:Organization {uid: $providerUid}) WHERE fresh
// the write locks, before the references are checked (one order in every mutation: places, then organizations)
SET g._lock = true
SET d._lock = true
SET o._lock = true
WITH m, fresh, g, d, o
OPTIONAL MATCH (g)-[:PART_OF]->(gc:Division)
WITH m, fresh, g, d, coalesce(gc, d) AS place, o,
  CASE WHEN NOT fresh THEN [] ELSE [x IN [
    CASE WHEN o IS NULL THEN {field: 'providerUid', code: 'NOT_FOUND'} END,
    CASE WHEN $gridUid IS NOT NULL AND g IS NULL THEN {field: 'gridCode', code: 'NOT_FOUND'} END,
    CASE WHEN $divisionCode IS NOT NULL AND d IS NULL THEN {field: 'divisionCode', code: 'NOT_FOUND'} END
  ] WHERE x IS NOT NULL] END AS problems
CALL (fresh, g, place, o, problems) {
  WITH * WHERE fresh AND size(problems) = 0
  CREATE (r:Resource {uid: $uid, name: $name, category: $category, description: $description,
                      capacity: $capacity, status: 'available', availableFrom: $availableFrom,
                      availableTo: $availableTo, weekdays: $weekdays, serviceRadiusM: $serviceRadiusM,
                      opensAt: CASE WHEN $opensAt IS NULL THEN null ELSE localtime($opensAt) END,
                      closesAt: CASE WHEN $closesAt IS NULL THEN null ELSE localtime($closesAt) END,
                      location: CASE WHEN $longitude IS NULL THEN null
                                ELSE point({longitude: $longitude, latitude: $latitude}) END,
                      source: 'api', updatedAt: datetime()})
  CREATE (o)-[:PROVIDES]->(r)
  FOREACH (_ IN CASE WHEN g IS NULL THEN [] ELSE [1] END | CREATE (r)-[:IN_GRID]->(g))
  FOREACH (_ IN CASE WHEN place IS NULL THEN [] ELSE [1] END | CREATE (r)-[:IN_DIVISION]->(place))
}
REMOVE g._lock, d._lock, o._lock
WITH m, fresh, problems
// shaped when this request wrote it, or for a replay of a record from before first results were stored
OPTIONAL MATCH (x:Resource {uid: m.entityUid})
  WHERE size(problems) = 0 AND (fresh OR m.result IS NULL OR m.result STARTS WITH '{"mutation"')
RETURN problems, NOT fresh AS replayed, m.mutation AS mutation, m.inputHash AS inputHash, m.result AS result,
  CASE WHEN x IS NULL THEN null ELSE x {.uid, .name, .category, .description, .capacity, .status, .serviceRadiusM,
    .availableFrom, .availableTo, .weekdays, opensAt: toString(x.opensAt), closesAt: toString(x.closesAt),
    location: CASE WHEN x.location IS NULL THEN null
              ELSE {longitude: x.location.longitude, latitude: x.location.latitude} END,
    provider: head(COLLECT { MATCH (x)<-[:PROVIDES]-(ro:Organization) RETURN ro {.uid, .name, .kind} AS ro ORDER BY ro.uid }),
    grid: head(COLLECT { MATCH (x)-[:IN_GRID]->(rg:Grid) RETURN rg {.uid, .scheme, .code, .name} AS rg ORDER BY rg.uid }),
    division: head(COLLECT { MATCH (x)-[:IN_DIVISION]->(rd:Division) RETURN rd {.code, .name, .level} AS rd ORDER BY rd.code })}
  END AS resource
