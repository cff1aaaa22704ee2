// name: ingest_lookup_committee_id
// title: Enlarged committees (大工委/大党委) by export id (references of a batch)
// description: Only party organizations of an enlarged category (graph/vocab.py ENLARGED_COMMITTEES); one uid per
// description: key (the smallest when several match); keys without a match are left out.
// params: keys (list[str]), categories (list[str])
// returns: k, uid
UNWIND $keys AS k
MATCH (n:PartyOrganization {partyOrgId: k}) USING INDEX SEEK n:PartyOrganization(partyOrgId)
WHERE n.category IN $categories
WITH k, n ORDER BY n.uid RETURN k, collect(n.uid)[0] AS uid
