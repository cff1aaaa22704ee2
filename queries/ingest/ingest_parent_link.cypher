// name: ingest_parent_link
// title: Link party organizations to their parents (SUBORDINATE_TO)
// description: Deletes a child's other SUBORDINATE_TO links and MERGEs the right one; an unchanged link keeps its
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
