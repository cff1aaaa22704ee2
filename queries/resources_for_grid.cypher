// name: resources_for_grid
// title: Resources that could serve a grid, ranked, with the reasons
// description: The ranking rule lives here and only here (README "Ranking rule"). Candidates come from paths
// description: anchored at the grid — its own, its community's and its street's resources, the resource point index
// description: around the origin (the grid's centroid, or the point `origin` {longitude, latitude}: a
// description: compound's location for resourcesForCompound — the same rule from another place), and resources
// description: of providers linked to the grid, community or street by an alliance, a seat on its enlarged committee
// description: (大党委/大工委, PART_TIME_MEMBER_OF) or a valid agreement — never
// description: from a label scan. Each candidate collects reasons, each with the weight
// description: from the map `w`; score = sum of weights; ties go to the nearer resource (unknown distance last), then
// description: to the smaller uid. Place reasons are exclusive (IN_GRID, else SAME_COMMUNITY, else SAME_STREET).
// description: MATCHES_OPEN_NEED adds weight to a candidate but does not make one. A candidate farther than
// description: maxDistanceM stays only when its provider is linked to the area.
// description: An agreement counts from its signing date (signedOn) to validTo, on the day asked (availableAt or
// description: availableOn) or today, in Asia/Shanghai. availableOn keeps resources open some time that day (dates,
// description: weekdays); availableAt also checks the hours. Resources whose availableTo is before that day are left
// description: out unless includeExpired.
// params: scheme (str), gridCode (str), categories (list[str] or null), maxDistanceM (float),
// params: availableAt (datetime or null), availableOn (date or null), includeExpired (bool), limit (int),
// params: origin (map or null)
// returns: grid, matches
// example: :param scheme => 'LOCAL'
// example: :param gridCode => '510107005001001'
// example: :param categories => null
// example: :param maxDistanceM => 3000.0
// example: :param availableAt => null
// example: :param availableOn => null
// example: :param includeExpired => false
// example: :param limit => 20
// example: :param origin => null
MATCH (g:Grid {uid: $scheme + ':' + $gridCode})
// the origin of distances: the grid's centroid, or the point given (resourcesForCompound: the compound's location)
WITH g, coalesce(point($origin), g.centroid) AS origin
OPTIONAL MATCH (g)-[:PART_OF]->(c:Division)
OPTIONAL MATCH (c)-[:PART_OF]->(s:Division)
WITH g, origin, c, s,
     {IN_GRID: 40, SAME_COMMUNITY: 25, SAME_STREET: 10,
      COMMUNITY_COMMITTEE_MEMBER: 20, STREET_COMMITTEE_MEMBER: 15, ALLIANCE_COVERS_GRID: 15,
      AGREEMENT_WITH_COMMUNITY: 20, WITHIN_DISTANCE: 10, MATCHES_OPEN_NEED: 30} AS w,
     CASE WHEN $availableAt IS NULL THEN null
          ELSE datetime({datetime: datetime($availableAt), timezone: 'Asia/Shanghai'}) END AS at
WITH g, origin, c, s, w, at, coalesce(date(at), date($availableOn), date({timezone: 'Asia/Shanghai'})) AS day
// what links an organization to this area, computed once (each candidate then only looks its provider up)
WITH g, origin, c, s, w, at, day,
     // open needs of the grid, and of its community when not placed in a grid
     COLLECT {
       MATCH (g)<-[:IN_GRID]-(n:Need {status: 'open'})
       RETURN n {.uid, .category} AS n
       UNION
       MATCH (c)<-[:IN_DIVISION]-(n:Need {status: 'open'})
       WHERE NOT EXISTS { (n)-[:IN_GRID]->(:Grid) }
       RETURN n {.uid, .category} AS n
     } AS openNeeds,
     // a 社区大党委 / 街道大工委: the enlarged committee of the committee leading the area (PART_TIME_MEMBER_OF, docs/linkage.md),
     // or, as older exports have it, an alliance of that kind covering the area
     COLLECT {
       CALL (c) {
         MATCH (c)<-[:COVERS]-(a:Alliance {kind: 'community_committee'})<-[:MEMBER_OF]-(o:Organization)
         RETURN o, a.name AS name
         UNION
         MATCH (c)<-[:LEADS]-(:PartyOrganization)<-[:ENLARGES]-(e:PartyOrganization)
               <-[:PART_TIME_MEMBER_OF]-(o:Organization)
         RETURN o, e.name AS name
       }
       RETURN DISTINCT {uid: o.uid, name: name} AS x ORDER BY x.name
     } AS communityCommittee,
     COLLECT {
       CALL (s) {
         MATCH (s)<-[:COVERS]-(a:Alliance {kind: 'street_committee'})<-[:MEMBER_OF]-(o:Organization)
         RETURN o, a.name AS name
         UNION
         MATCH (s)<-[:LEADS]-(:PartyOrganization)<-[:ENLARGES]-(e:PartyOrganization)
               <-[:PART_TIME_MEMBER_OF]-(o:Organization)
         RETURN o, e.name AS name
       }
       RETURN DISTINCT {uid: o.uid, name: name} AS x ORDER BY x.name
     } AS streetCommittee,
     COLLECT {
       UNWIND [x IN [g, c, s] WHERE x IS NOT NULL] AS area
       MATCH (area)<-[:COVERS]-(a:Alliance {kind: 'regional'})<-[:MEMBER_OF]-(o:Organization)
       RETURN DISTINCT {uid: o.uid, name: a.name} AS x ORDER BY x.name
     } AS alliance,
     COLLECT {
       UNWIND [x IN [c, s] WHERE x IS NOT NULL] AS area
       MATCH (area)<-[:COVERS]-(ag:Agreement)-[:SIGNED_BY]->(o:Organization)
       WHERE (ag.signedOn IS NULL OR ag.signedOn <= day) AND (ag.validTo IS NULL OR ag.validTo >= day)
       RETURN DISTINCT {uid: o.uid, name: ag.title} AS x ORDER BY x.name
     } AS agreement
CALL (g, origin, c, s, w, at, day, openNeeds, communityCommittee, streetCommittee, alliance, agreement) {
  // each branch tags its resources with where they lie relative to the grid (0 in it, 1 its community, 2 its
  // street, 3 elsewhere); every resource of the street comes through its place branch, so the smallest tag
  // of a resource is its place — no per-candidate look-up of its grid and division
  CALL (g, origin, c, s, day) {
   CALL (g, origin, c, s, day) {
    MATCH (g)<-[:IN_GRID]-(r:Resource)
    RETURN r, 0 AS rank
    UNION
    // the community is one of the street's divisions: its resources come with the street's, tagged 1 (a separate
    // community branch expanded its IN_DIVISION relationships twice); on its own only when it has no street
    WITH c, s
    WHERE s IS NULL
    MATCH (c)<-[:IN_DIVISION]-(r:Resource)
    RETURN r, 1 AS rank
    UNION
    MATCH (s)<-[:IN_DIVISION]-(r:Resource)
    RETURN r, 2 AS rank
    UNION
    MATCH (s)<-[:PART_OF]-(x:Division)<-[:IN_DIVISION]-(r:Resource)
    RETURN r, CASE WHEN x = c THEN 1 ELSE 2 END AS rank
    UNION
    MATCH (r:Resource)
    WHERE point.distance(r.location, origin) <= $maxDistanceM
    RETURN r, 3 AS rank
    UNION
    UNWIND [x IN [g, c, s] WHERE x IS NOT NULL] AS area
    MATCH (area)<-[:COVERS]-(:Alliance)<-[:MEMBER_OF]-(:Organization)-[:PROVIDES]->(r:Resource)
    RETURN r, 3 AS rank
    UNION
    UNWIND [x IN [c, s] WHERE x IS NOT NULL] AS area
    MATCH (area)<-[:LEADS]-(:PartyOrganization)<-[:ENLARGES]-(:PartyOrganization)
          <-[:PART_TIME_MEMBER_OF]-(:Organization)-[:PROVIDES]->(r:Resource)
    RETURN r, 3 AS rank
    UNION
    UNWIND [x IN [c, s] WHERE x IS NOT NULL] AS area
    MATCH (area)<-[:COVERS]-(ag:Agreement)-[:SIGNED_BY]->(:Organization)-[:PROVIDES]->(r:Resource)
    WHERE (ag.signedOn IS NULL OR ag.signedOn <= day) AND (ag.validTo IS NULL OR ag.validTo >= day)
    RETURN r, 3 AS rank
   }
   RETURN r, min(rank) AS rank
  }
  WITH g, origin, c, s, w, at, day, openNeeds, communityCommittee, streetCommittee, alliance, agreement, r, rank
  WHERE r.status = 'available'
    AND ($categories IS NULL OR r.category IN $categories)
    AND ($includeExpired OR r.availableTo IS NULL OR r.availableTo >= day)
    AND (at IS NULL AND $availableOn IS NULL OR (
          (r.availableFrom IS NULL OR r.availableFrom <= day)
      AND (r.availableTo IS NULL OR r.availableTo >= day)
      AND (r.weekdays IS NULL OR day.dayOfWeek IN r.weekdays)))
    AND (at IS NULL OR (
          (r.opensAt IS NULL OR r.opensAt <= localtime(at))
      AND (r.closesAt IS NULL OR localtime(at) < r.closesAt)))
  CALL (r) {
    OPTIONAL MATCH (r)<-[:PROVIDES]-(p:Organization)
    RETURN p
    ORDER BY p.uid
    LIMIT 1
  }
  WITH g, origin, c, s, w, at, r, p, point.distance(r.location, origin) AS d,
       ['IN_GRID', 'SAME_COMMUNITY', 'SAME_STREET', null][rank] AS place,
       [x IN communityCommittee WHERE x.uid = p.uid | x.name] AS communityCommittees,
       [x IN streetCommittee WHERE x.uid = p.uid | x.name] AS streetCommittees,
       [x IN alliance WHERE x.uid = p.uid | x.name] AS alliances,
       [x IN agreement WHERE x.uid = p.uid | x.name] AS agreements,
       [n IN openNeeds WHERE n.category = r.category | n.uid] AS needUids
  WITH r, p, d, communityCommittees, streetCommittees, alliances, agreements, at,
       [x IN [
         CASE WHEN place IS NOT NULL THEN {code: place, weight: w[place],
           detail: CASE place WHEN 'IN_GRID' THEN g.name WHEN 'SAME_COMMUNITY' THEN c.name ELSE s.name END} END,
         CASE WHEN size(communityCommittees) > 0 THEN {code: 'COMMUNITY_COMMITTEE_MEMBER',
           weight: w.COMMUNITY_COMMITTEE_MEMBER, detail: communityCommittees[0]} END,
         CASE WHEN size(streetCommittees) > 0 THEN {code: 'STREET_COMMITTEE_MEMBER',
           weight: w.STREET_COMMITTEE_MEMBER, detail: streetCommittees[0]} END,
         CASE WHEN size(alliances) > 0 THEN {code: 'ALLIANCE_COVERS_GRID',
           weight: w.ALLIANCE_COVERS_GRID, detail: alliances[0]} END,
         CASE WHEN size(agreements) > 0 THEN {code: 'AGREEMENT_WITH_COMMUNITY',
           weight: w.AGREEMENT_WITH_COMMUNITY, detail: agreements[0]} END,
         CASE WHEN d <= $maxDistanceM THEN {code: 'WITHIN_DISTANCE',
           weight: w.WITHIN_DISTANCE, detail: null} END,
         CASE WHEN size(needUids) > 0 THEN {code: 'MATCHES_OPEN_NEED', weight: w.MATCHES_OPEN_NEED,
           detail: reduce(t = '', u IN needUids | t + CASE WHEN t = '' THEN '' ELSE ',' END + u)} END
       ] WHERE x IS NOT NULL] AS reasons
  WHERE size(reasons) > 0
    AND (d IS NULL OR d <= $maxDistanceM
         OR size(communityCommittees) + size(streetCommittees) + size(alliances) + size(agreements) > 0)
  WITH r, p, d, reasons, at, reduce(t = 0, x IN reasons | t + x.weight) AS score
  ORDER BY score DESC, d ASC, r.uid ASC
  LIMIT $limit
  RETURN collect({
    score: score,
    distanceM: round(d, 1),
    reasons: reasons,
    resource: r {.uid, .name, .shortName, .category, .description, .capacity, .status, .serviceRadiusM,
                 location: CASE WHEN r.location IS NULL THEN null
                           ELSE {longitude: r.location.longitude, latitude: r.location.latitude} END},
    provider: CASE WHEN p IS NULL THEN null ELSE p {.uid, .name, .shortName, .kind} END,
    availability: {availableFrom: r.availableFrom, availableTo: r.availableTo, weekdays: r.weekdays,
                   opensAt: toString(r.opensAt), closesAt: toString(r.closesAt),
                   checkedAt: CASE WHEN at IS NULL THEN null
                              ELSE toString(datetime({datetime: at, timezone: '+08:00'})) END}
  }) AS matches
}
RETURN g {.uid, .scheme, .code, .name, .shortName, .communityCode} AS grid, matches
