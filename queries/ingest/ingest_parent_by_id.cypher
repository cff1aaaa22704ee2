// name: ingest_parent_by_id
// title: Parent party organizations by their export id
// description: Pass 2 of party organizations: organizations of the run's source first, then the smallest uid.
// params: keys (list[str]), source (str)
// returns: k, uid
UNWIND $keys AS k
MATCH (n:PartyOrganization {partyOrgId: k}) USING INDEX SEEK n:PartyOrganization(partyOrgId)
WITH k, n ORDER BY CASE WHEN n.source = $source THEN 0 ELSE 1 END, n.uid
RETURN k, collect(n.uid)[0] AS uid
