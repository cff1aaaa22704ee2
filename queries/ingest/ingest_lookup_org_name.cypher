// name: ingest_lookup_org_name
// title: Organizations by normalized name (references of a batch)
// description: One uid per key (the smallest when several match); keys without a match are left out.
// params: keys (list[str])
// returns: k, uid
UNWIND $keys AS k
MATCH (n:Organization {nameNorm: k}) USING INDEX SEEK n:Organization(nameNorm)
WITH k, n ORDER BY n.uid RETURN k, collect(n.uid)[0] AS uid
