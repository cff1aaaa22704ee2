// name: ingest_lookup_party_org_id
// title: Party organizations by export id (references of a batch)
// description: One uid per key (the smallest when several match); keys without a match are left out.
// params: keys (list[str])
// returns: k, uid
UNWIND $keys AS k
MATCH (n:PartyOrganization {partyOrgId: k}) USING INDEX SEEK n:PartyOrganization(partyOrgId)
WITH k, n ORDER BY n.uid RETURN k, collect(n.uid)[0] AS uid
