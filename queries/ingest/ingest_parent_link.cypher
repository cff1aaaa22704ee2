// name: ingest_parent_link
// title: Link party organizations to their parents (SUBORDINATE_TO) and enlarged committees to their base (ENLARGES)
// description: Deletes a child's other SUBORDINATE_TO links and MERGEs the right one; the same for the ENLARGES
// description: link of a 大工委/大党委 to the committee it enlarges (row.base). An unchanged link keeps its
// description: provenance.
// params: rows (list[map]), runId (str), source (str), now (datetime)
// returns:
UNWIND $rows AS row
MATCH (n:Organization {uid: row.key})
CALL (n, row) {
  MATCH (n)-[old:SUBORDINATE_TO]->(p)
  WHERE row.parent IS NULL OR p.uid <> row.parent
  DELETE old
}
CALL (n, row) {
  WITH n, row WHERE row.parent IS NOT NULL
  MATCH (t:Organization {uid: row.parent}) WHERE t:PartyOrganization
  MERGE (n)-[r:SUBORDINATE_TO]->(t)
  ON CREATE SET r.firstRunId = $runId
  WITH r, row WHERE row.changed OR r.runId IS NULL
  SET r.source = $source, r.sourceFile = row.file, r.sourceRow = row.line, r.runId = $runId, r.updatedAt = $now
}
CALL (n, row) {
  MATCH (n)-[old:ENLARGES]->(p)
  WHERE row.base IS NULL OR p.uid <> row.base
  DELETE old
}
CALL (n, row) {
  WITH n, row WHERE row.base IS NOT NULL
  MATCH (t:Organization {uid: row.base}) WHERE t:PartyOrganization
  MERGE (n)-[r:ENLARGES]->(t)
  ON CREATE SET r.firstRunId = $runId
  WITH r, row WHERE row.changed OR r.runId IS NULL
  SET r.source = $source, r.sourceFile = row.file, r.sourceRow = row.line, r.runId = $runId, r.updatedAt = $now
}
