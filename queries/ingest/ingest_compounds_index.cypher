// name: ingest_compounds_index
// title: Every compound with its community and first grid (the compounds snapshot of a run)
// description: Read once at the start of a run of a kind whose rows name compounds (ingest.compound_index).
// returns: uid, name, community, grid
MATCH (c:Compound)
RETURN c.uid AS uid, c.nameNorm AS name, c.communityCode AS community,
       COLLECT { MATCH (c)-[:IN_GRID]->(g:Grid) RETURN g.uid ORDER BY g.uid LIMIT 1 }[0] AS grid
