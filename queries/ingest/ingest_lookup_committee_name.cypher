// name: ingest_lookup_committee_name
// title: Enlarged committees (大工委/大党委) by normalized name (references of a batch)
// description: Only party organizations of an enlarged category (graph/vocab.py ENLARGED_COMMITTEES); one uid per
// description: key (the smallest when several match); keys without a match are left out.
// params: keys (list[str]), categories (list[str])
// returns: k, uid
UNWIND $keys AS k
MATCH (n:Organization {nameNorm: k}) USING INDEX SEEK n:Organization(nameNorm)
WHERE n:PartyOrganization AND n.category IN $categories
WITH k, n ORDER BY n.uid RETURN k, collect(n.uid)[0] AS uid
