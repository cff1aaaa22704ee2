// name: ingest_same_as_link
// title: Link probable duplicates (SAME_AS candidates) of the names a run touched
// description: Organizations sharing a normalized name but not a credit code; from the smaller uid to the larger,
// description: so re-runs MERGE the same edge. Score 0.8 when one has no credit code, 0.6 none, 0.5 two different.
// params: names (list[str]), source (str), runId (str), now (datetime)
// returns:
UNWIND $names AS nm
MATCH (a:Organization {nameNorm: nm}) USING INDEX SEEK a:Organization(nameNorm)
WITH nm, collect(a) AS orgs WHERE size(orgs) > 1
UNWIND orgs AS a UNWIND orgs AS b
WITH a, b WHERE a.uid < b.uid AND (a.uscc IS NULL OR b.uscc IS NULL OR a.uscc <> b.uscc)
MERGE (a)-[s:SAME_AS]->(b)
ON CREATE SET s.source = $source, s.runId = $runId, s.firstRunId = $runId, s.updatedAt = $now,
  s.sourceFile = null, s.sourceRow = null
SET s.score = CASE WHEN a.uscc IS NOT NULL AND b.uscc IS NOT NULL THEN 0.5
                   WHEN a.uscc IS NULL AND b.uscc IS NULL THEN 0.6 ELSE 0.8 END,
    s.reason = CASE WHEN a.uscc IS NOT NULL AND b.uscc IS NOT NULL
                    THEN 'same normalized name, different credit codes'
                    WHEN a.uscc IS NULL AND b.uscc IS NULL
                    THEN 'same normalized name, no credit codes, different divisions'
                    ELSE 'same normalized name, one has no credit code' END
