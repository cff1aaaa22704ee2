// name: coconstruction_open_needs
// title: Open needs of an area with candidate resources for each (双向认领 suggestions)
// description: Open needs placed in the grid (gridUid) or division (divisionCode, any level), a page at a time
// description: (keyset on uid). For each need, up to perNeed available resources of the same category from the
// description: need's community and street, or whose provider sits in an alliance covering the need's grid,
// description: community or street or on the enlarged committee (大党委/大工委, PART_TIME_MEMBER_OF) of its
// description: community or street, or signed a valid agreement covering its community or street. Candidate score:
// description: IN_GRID 40 / SAME_COMMUNITY 25 / SAME_STREET 10, +20 ALLIANCE_MEMBER, +20 AGREEMENT; ties by distance
// description: to the need's grid centroid (unknown last), then uid. Valid and expired are judged on today's date in
// description: Asia/Shanghai: an agreement from signedOn to validTo; a resource whose availableTo has passed is left out.
// params: gridUid (str or null), divisionCode (str or null), perNeed (int), after (str or null), first (int),
// params: withTotal (bool)
// returns: found, totalCount, nodes
// example: :param gridUid => null
// example: :param divisionCode => '510107005001'
// example: :param perNeed => 5
// example: :param after => null
// example: :param first => 20
// example: :param withTotal => true
CALL () {
  MATCH (a:Grid {uid: $gridUid})
  RETURN a
  UNION
  MATCH (a:Division {code: $divisionCode})
  RETURN a
}
WITH a
LIMIT 1
RETURN true AS found,
  CASE WHEN $withTotal THEN
    COUNT { MATCH (a)<-[:PART_OF*0..3]-(:Division)<-[:IN_DIVISION]-(n:Need) WHERE n.status = 'open' }
    + COUNT { MATCH (a)<-[:IN_GRID]-(n:Need) WHERE n.status = 'open' }
  END AS totalCount,
  COLLECT {
    CALL (a) {
      MATCH (a)<-[:PART_OF*0..3]-(:Division)<-[:IN_DIVISION]-(n:Need)
      RETURN n
      UNION
      MATCH (a)<-[:IN_GRID]-(n:Need)
      RETURN n
    }
    WITH n
    WHERE n.status = 'open' AND ($after IS NULL OR n.uid > $after)
    WITH n
    ORDER BY n.uid
    LIMIT $first + 1
    OPTIONAL MATCH (n)-[:IN_GRID]->(g:Grid)
    OPTIONAL MATCH (n)-[:IN_DIVISION]->(c:Division)
    OPTIONAL MATCH (c)-[:PART_OF]->(s:Division)
    WITH n, g, c, s, date({timezone: 'Asia/Shanghai'}) AS today
    RETURN n {.uid, .title, .category, .status, .urgency, .publishedOn, .neededBy,
      grid: CASE WHEN g IS NULL THEN null ELSE g {.uid, .scheme, .code, .name} END,
      division: CASE WHEN c IS NULL THEN null ELSE c {.code, .name, .level} END,
      candidates: COLLECT {
        CALL (g, c, s, today) {
          MATCH (c)<-[:IN_DIVISION]-(r:Resource)
          RETURN r
          UNION
          MATCH (s)<-[:IN_DIVISION]-(r:Resource)
          RETURN r
          UNION
          MATCH (s)<-[:PART_OF]-(:Division)<-[:IN_DIVISION]-(r:Resource)
          RETURN r
          UNION
          UNWIND [x IN [g, c, s] WHERE x IS NOT NULL] AS area
          MATCH (area)<-[:COVERS]-(:Alliance)<-[:MEMBER_OF]-(:Organization)-[:PROVIDES]->(r:Resource)
          RETURN r
          UNION
          UNWIND [x IN [c, s] WHERE x IS NOT NULL] AS area
          MATCH (area)<-[:LEADS]-(:PartyOrganization)<-[:ENLARGES]-(:PartyOrganization)
                <-[:PART_TIME_MEMBER_OF]-(:Organization)-[:PROVIDES]->(r:Resource)
          RETURN r
          UNION
          UNWIND [x IN [c, s] WHERE x IS NOT NULL] AS area
          MATCH (area)<-[:COVERS]-(ag:Agreement)-[:SIGNED_BY]->(:Organization)-[:PROVIDES]->(r:Resource)
          WHERE (ag.signedOn IS NULL OR ag.signedOn <= today) AND (ag.validTo IS NULL OR ag.validTo >= today)
          RETURN r
        }
        WITH n, g, c, s, today, r
        WHERE r.status = 'available' AND r.category = n.category
          AND (r.availableTo IS NULL OR r.availableTo >= today)
        CALL (r) {
          OPTIONAL MATCH (r)<-[:PROVIDES]-(p:Organization)
          RETURN p
          ORDER BY p.uid
          LIMIT 1
        }
        WITH r, p, point.distance(r.location, g.centroid) AS d,
          CASE
            WHEN EXISTS { (r)-[:IN_GRID]->(g) } THEN 'IN_GRID'
            WHEN EXISTS { (r)-[:IN_DIVISION]->(c) } THEN 'SAME_COMMUNITY'
            WHEN EXISTS { (r)-[:IN_DIVISION]->(s) } OR EXISTS { (r)-[:IN_DIVISION]->(:Division)-[:PART_OF]->(s) }
              THEN 'SAME_STREET'
          END AS place,
          EXISTS { (p)-[:MEMBER_OF]->(:Alliance)-[:COVERS]->(x) WHERE x = g OR x = c OR x = s }
          OR EXISTS { (p)-[:PART_TIME_MEMBER_OF]->(:PartyOrganization)-[:ENLARGES]->(:PartyOrganization)-[:LEADS]->(x)
                      WHERE x = c OR x = s } AS allied,
          EXISTS {
            (p)<-[:SIGNED_BY]-(ag:Agreement)-[:COVERS]->(x)
            WHERE (x = c OR x = s) AND (ag.signedOn IS NULL OR ag.signedOn <= today)
              AND (ag.validTo IS NULL OR ag.validTo >= today)
          } AS agreed
        WITH r, p, d,
          [x IN [place, CASE WHEN allied THEN 'ALLIANCE_MEMBER' END, CASE WHEN agreed THEN 'AGREEMENT' END]
           WHERE x IS NOT NULL] AS reasons,
          CASE place WHEN 'IN_GRID' THEN 40 WHEN 'SAME_COMMUNITY' THEN 25 WHEN 'SAME_STREET' THEN 10 ELSE 0 END
          + CASE WHEN allied THEN 20 ELSE 0 END + CASE WHEN agreed THEN 20 ELSE 0 END AS score
        ORDER BY score DESC, d ASC, r.uid ASC
        LIMIT $perNeed
        RETURN {resource: r {.uid, .name, .category}, provider: CASE WHEN p IS NULL THEN null ELSE p {.uid, .name, .kind} END,
                score: score, distanceM: round(d, 1), reasons: reasons} AS candidate
      }} AS need
    ORDER BY need.uid
  } AS nodes
