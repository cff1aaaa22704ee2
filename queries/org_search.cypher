// name: org_search
// title: Organizations by name (full-text)
// description: Full-text search on index organization_names (cjk analyzer: Chinese is indexed as bigrams, so a
// description: two-character query matches). text is a Lucene query built by the API (a quoted phrase). Ordered by
// description: score, then uid; offset pagination (skip); totalCount counts the hits. Bounded: a first pass reads
// description: only the scores (count, and the score of the last hit the page needs); the second reads the uid of
// description: the hits scoring at least that much, not of every hit (a common pair like 有限 has 10^5 hits).
// description: With withParents, each hosted party organization carries its parent (SUBORDINATE_TO), else null.
// params: text (str), kind (str or null), skip (int), first (int), personal (bool), withParents (bool)
// returns: totalCount, nodes
// example: :param text => '"锦城"'
// example: :param kind => null
// example: :param skip => 0
// example: :param first => 20
// example: :param personal => false
// example: :param withParents => true
CALL () {
  CALL db.index.fulltext.queryNodes('organization_names', $text) YIELD node, score
  WHERE $kind IS NULL OR node.kind = $kind
  WITH score ORDER BY score DESC
  RETURN collect(score) AS scores
}
WITH size(scores) AS totalCount, scores[..$skip + $first + 1] AS top
CALL (top) {
  CALL db.index.fulltext.queryNodes('organization_names', $text) YIELD node, score
  WHERE score >= last(top) AND ($kind IS NULL OR node.kind = $kind)
  WITH node, score
  ORDER BY score DESC, node.uid ASC
  LIMIT $skip + $first + 1
  RETURN collect(node) AS hits
}
CALL (hits) {
  UNWIND hits[$skip..($skip + $first + 1)] AS o
  RETURN collect(o {.uid, .kind, .name, .shortName, .alias, .uscc, .usccValid, .status, .active, .address, .placement, .industry,
            .orgType, .foundedOn, .staffCount, .category, .memberCount,
            secretaryName: CASE WHEN $personal THEN o.secretaryName END,
            contactPhone: CASE WHEN $personal THEN o.contactPhone END,
            location: CASE WHEN o.location IS NULL THEN null
                      ELSE {longitude: o.location.longitude, latitude: o.location.latitude} END,
            grid: head(COLLECT { MATCH (o)-[:IN_GRID]->(g:Grid) RETURN g {.uid, .scheme, .code, .name, .shortName} AS g ORDER BY g.uid }),
            division: head(COLLECT { MATCH (o)-[:IN_DIVISION]->(d:Division) RETURN d {.code, .name, .shortName, .level} AS d ORDER BY d.code }),
            partyOrganizations: COLLECT {
              MATCH (o)<-[:HOSTED_BY]-(p:PartyOrganization)
              RETURN p {.uid, .name, .kind, .category,
                        parent: CASE WHEN $withParents THEN head(COLLECT {
                          MATCH (p)-[:SUBORDINATE_TO]->(x:PartyOrganization)
                          RETURN x {.uid, .name, .kind, .category} AS x ORDER BY x.uid
                        }) END} AS p ORDER BY p.uid
            }}) AS nodes
}
RETURN totalCount, nodes
