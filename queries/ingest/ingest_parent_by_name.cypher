// name: ingest_parent_by_name
// title: Parent party organizations by normalized name
// description: Pass 2 of party organizations, for references that are not an export id.
// params: keys (list[str]), source (str)
// returns: k, uid
UNWIND $keys AS k
MATCH (n:Organization {nameNorm: k}) USING INDEX SEEK n:Organization(nameNorm)
WHERE n:PartyOrganization
WITH k, n ORDER BY CASE WHEN n.source = $source THEN 0 ELSE 1 END, n.uid
RETURN k, collect(n.uid)[0] AS uid
