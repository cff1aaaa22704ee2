// name: ingest_same_as_stale
// title: Remove SAME_AS candidates that no longer hold
// description: A candidate holds while both ends share the normalized name (two nodes never share a usable credit
// description: code: it is their uid).
// description: USING INDEX SEEK: right after a bulk load the planner chose a full scan per name (quadratic).
// params: names (list[str])
// returns:
UNWIND $names AS nm
MATCH (a:Organization {nameNorm: nm})-[s:SAME_AS]-(b:Organization) USING INDEX SEEK a:Organization(nameNorm)
WHERE a.nameNorm <> coalesce(b.nameNorm, '')
DELETE s
