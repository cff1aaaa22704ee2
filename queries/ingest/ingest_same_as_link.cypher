// name: ingest_same_as_link
// title: Link probable duplicates (SAME_AS candidates) of the names a run touched
// description: Organizations sharing a normalized name (two nodes never share a usable credit code: it is their uid);
// description: from the smaller uid to the larger,
// description: so re-runs MERGE the same edge. Score 0.8 when one has no credit code, 0.6 none, 0.5 two different.
// params: names (list[str]), source (str), runId (str), now (datetime)
// returns:
UNWIND $names AS nm
MATCH (a:Organization {nameNorm: nm}) USING INDEX SEEK a:Organization(nameNorm)
WITH nm, collect(a) AS orgs WHERE size(orgs) > 1
UNWIND orgs AS a UNWIND orgs AS b
// a code is a credit code when it keys the organization: one Excel turned into 9.1E+17 is no code
WITH a, b, CASE WHEN a.uid = a.uscc THEN a.uscc END AS ca, CASE WHEN b.uid = b.uscc THEN b.uscc END AS cb
WHERE a.uid < b.uid
MERGE (a)-[s:SAME_AS]->(b)
ON CREATE SET s.source = $source, s.runId = $runId, s.firstRunId = $runId, s.updatedAt = $now,
  s.sourceFile = null, s.sourceRow = null
SET s.score = CASE WHEN ca IS NOT NULL AND cb IS NOT NULL THEN 0.5
                   WHEN ca IS NULL AND cb IS NULL THEN 0.6 ELSE 0.8 END,
    s.reason = CASE WHEN ca IS NOT NULL AND cb IS NOT NULL
                    THEN 'same normalized name, different credit codes'
                    WHEN ca IS NULL AND cb IS NULL
                    THEN 'same normalized name, no credit codes, different divisions'
                    ELSE 'same normalized name, one has no credit code' END
