// name: resources_for_grid_graph
// title: A grid's ranked resources, drawn as a graph with the scores
// description: The ranking of resources_for_grid (the rule stays in that file: this query continues it), drawn
// description: as a graph: each ranked resource points to the grid with a COULD_SERVE relationship carrying its
// description: rank, score, distance and reason codes, next to its provider. COULD_SERVE is virtual
// description: (apoc.create.vRelationship): it exists in this result only and is never stored, so a score shown is
// description: always today's, never a stale one.
// extends: resources_for_grid
// returns: grid, resource, couldServe, provider, provides
WITH g, matches
UNWIND range(0, size(matches) - 1) AS i
WITH g, i + 1 AS rank, matches[i] AS m
MATCH (r:Resource {uid: m.resource.uid})
OPTIONAL MATCH (p:Organization)-[provides:PROVIDES]->(r)
  WHERE p.uid = m.provider.uid
CALL apoc.create.vRelationship(r, 'COULD_SERVE', {rank: rank, score: m.score, distanceM: m.distanceM,
                                                  reasons: [x IN m.reasons | x.code]}, g) YIELD rel
RETURN g AS grid, r AS resource, rel AS couldServe, p AS provider, provides
ORDER BY rank
