// name: division_indicators
// title: Indicators of a division and of each division directly below it (each indicator defined here once)
// description: For the division and its children (district -> streets, street -> communities): open needs, open
// description: needs past their neededBy date, open needs nobody claimed (no project ADDRESSES them) published at
// description: least $unclaimedDays days before $asOf, open needs published at least $noCandidateDays days before
// description: $asOf with no candidate resource (same category, available on $asOf, from the need's community or
// description: street, or provided by a unit of an alliance covering its grid, community or street, or of an
// description: agreement valid on $asOf covering its community or street), the median days from a project's start
// description: (claim) to its delivery, the mean and count of acceptance ratings, grids and compounds with a party
// description: organization that LEADS them (举头见支部), resident units (驻区单位: units hosting a party organization,
// description: in an alliance, checked in (双报到) or signing an agreement) and those active in the $activeMonths
// description: months up to $asOf (the 挂名 rule of queries/linkage_rules.py, word for word), households of the compounds and
// description: their property work orders received in those months. Needs and projects count where the need
// description: lies. typeHouseholds feeds the community type (queries/typology.py). Rules: docs/indicators.md.
// params: divisionCode (str), asOf (str), unclaimedDays (int), noCandidateDays (int), activeMonths (int)
// returns: code, name, level, kind, urbanRural, communityType, typeHouseholds, needsOpen, needsPastDue, needsUnclaimed, needsNoCandidate, medianClaimToDeliveryDays, ratingMean, ratingCount, grids, gridsWithBranch, compounds, compoundsWithBranch, residentUnits, residentUnitsActive, households, propertyWorkOrders, pastDue, unclaimed, noCandidate, gridsWithoutBranch, compoundsWithoutBranch, inactiveUnits, busyCompounds
// example: :param divisionCode => '510107005000'
// example: :param asOf => '2026-12-01'
// example: :param unclaimedDays => 30
// example: :param noCandidateDays => 14
// example: :param activeMonths => 12
MATCH (top:Division {code: $divisionCode})
WITH top, date($asOf) AS asOf
WITH top, asOf, asOf - duration({months: $activeMonths}) AS since
// the candidate rule once for the whole query: category|area keys of the available resources, where area is the
// community and street they lie in, the grid/community/street an alliance of their provider covers, or the
// community/street an agreement of their provider valid on asOf covers (a need looks up its own keys)
WITH top, asOf, since, COLLECT {
       MATCH (r:Resource) WHERE r.status = 'available' AND (r.availableFrom IS NULL OR r.availableFrom <= asOf)
                            AND (r.availableTo IS NULL OR r.availableTo >= asOf)
       CALL (r, asOf) {
         MATCH (r)-[:IN_DIVISION]->(x:Division) RETURN x.code AS area
         UNION
         MATCH (r)-[:IN_DIVISION]->(:Division)-[:PART_OF]->(x:Division {level: 'street'}) RETURN x.code AS area
         UNION
         MATCH (r)<-[:PROVIDES]-(:Organization)-[:MEMBER_OF]->(:Alliance)-[:COVERS]->(x)
         RETURN CASE WHEN x:Grid THEN '|' + x.uid ELSE x.code + '|' END AS area
         UNION
         MATCH (r)<-[:PROVIDES]-(:Organization)<-[:SIGNED_BY]-(ag:Agreement)-[:COVERS]->(x:Division)
         WHERE (ag.signedOn IS NULL OR ag.signedOn <= asOf) AND (ag.validTo IS NULL OR ag.validTo >= asOf)
         RETURN x.code AS area
       }
       RETURN DISTINCT r.category + '|' + area AS key } AS keys
// a map used as a set: one look-up per key of a need instead of a scan of the list
WITH top, asOf, since, apoc.map.fromLists(keys, [k IN keys | true]) AS keys
UNWIND [top] + [(top)<-[:PART_OF]-(c:Division) | c] AS dv
WITH dv, asOf, since, keys,
     COLLECT { MATCH (dv)<-[:PART_OF*0..3]-(:Division)<-[:IN_DIVISION]-(n:Need) RETURN DISTINCT n } AS needs,
     COLLECT { MATCH (dv)<-[:PART_OF*0..3]-(:Division)<-[:PART_OF]-(g:Grid) RETURN DISTINCT g } AS grids,
     COLLECT { MATCH (dv)<-[:PART_OF*0..3]-(:Division)<-[:IN_DIVISION]-(cp:Compound) RETURN DISTINCT cp } AS compounds,
     COLLECT { MATCH (dv)<-[:PART_OF*0..3]-(:Division)<-[:IN_DIVISION]-(u:Organization)
               WHERE NOT u:PartyOrganization AND NOT u:OwnersCommittee
                 AND (EXISTS { (u)<-[:HOSTED_BY]-(:PartyOrganization) } OR EXISTS { (u)-[:MEMBER_OF]->(:Alliance) }
                      OR EXISTS { (u)-[:PART_TIME_MEMBER_OF]->(:PartyOrganization) }
                      OR EXISTS { (u)-[:REPORTED_TO]->(:Division) } OR EXISTS { (u)<-[:SIGNED_BY]-(:Agreement) })
               RETURN DISTINCT u } AS units
WITH dv, asOf, since, keys, grids, compounds, units,
     [n IN needs WHERE n.status = 'open'] AS open,
     COLLECT { UNWIND needs AS n MATCH (n)<-[:ADDRESSES]-(p:Project) RETURN DISTINCT p } AS projects,
     [u IN units WHERE NOT (
      EXISTS { MATCH (u)<-[:LED_BY]-(p:Project)
               WHERE any(d IN [p.startedOn, p.deliveredOn, p.acceptedOn] WHERE since <= d <= asOf) }
      OR EXISTS { MATCH (u)-[:PROVIDES]->(:Resource)<-[:USES]-(p:Project)
                  WHERE any(d IN [p.startedOn, p.deliveredOn, p.acceptedOn] WHERE since <= d <= asOf) }
      OR EXISTS { MATCH (u)-[:PROVIDES]->(r:Resource)
                  WHERE coalesce(r.status, 'available') <> 'withdrawn'
                    AND coalesce(r.availableFrom, asOf) <= asOf AND coalesce(r.availableTo, since) >= since }
      OR EXISTS { MATCH (u)<-[:SIGNED_BY]-(g:Agreement)
                  WHERE g.signedOn <= asOf AND coalesce(g.validTo, g.signedOn) >= since })] AS idle,
     [cp IN compounds WHERE coalesce(cp.households, 0) > 0] AS counted
WITH dv, asOf, since, keys, grids, compounds, units, open, projects, idle, counted,
     [n IN open WHERE n.neededBy IS NOT NULL AND n.neededBy < asOf] AS pastDue,
     [n IN open WHERE NOT EXISTS { (n)<-[:ADDRESSES]-(:Project) } AND n.publishedOn IS NOT NULL
                      AND n.publishedOn <= asOf - duration({days: $unclaimedDays})] AS unclaimed,
     [n IN open WHERE n.publishedOn IS NOT NULL AND n.publishedOn <= asOf - duration({days: $noCandidateDays})
                      AND NONE(k IN COLLECT {
                        MATCH (n)-[:IN_DIVISION]->(c:Division)
                        OPTIONAL MATCH (c)-[:PART_OF]->(s:Division)
                        OPTIONAL MATCH (n)-[:IN_GRID]->(g:Grid)
                        UNWIND [c.code, s.code, '|' + g.uid, c.code + '|', s.code + '|'] AS area
                        WITH n, area WHERE area IS NOT NULL
                        RETURN n.category + '|' + area AS k } WHERE coalesce(keys[k], false))] AS noCandidate,
     [g IN grids WHERE NOT EXISTS { (g)<-[:LEADS]-(:PartyOrganization) }] AS bare,
     [cp IN compounds WHERE NOT EXISTS { (cp)<-[:LEADS]-(:PartyOrganization) }] AS bareCompounds,
     COLLECT { UNWIND projects AS p WITH p WHERE p.startedOn IS NOT NULL AND p.deliveredOn IS NOT NULL
               RETURN duration.inDays(p.startedOn, p.deliveredOn).days AS x ORDER BY x } AS days,
     [p IN projects WHERE p.rating IS NOT NULL | p.rating] AS ratings,
     COLLECT { UNWIND counted AS cp
               WITH cp, COUNT { (cp)<-[:IN_COMPOUND]-(w:WorkOrder {category: 'property'})
                                WHERE since <= w.receivedOn <= asOf } AS orders
               RETURN {uid: cp.uid, orders: orders, rate: orders * 100.0 / cp.households} AS o } AS orders
RETURN dv.code AS code, dv.name AS name, dv.level AS level, dv.kind AS kind, dv.urbanRural AS urbanRural,
       dv.communityType AS communityType,
       COLLECT { UNWIND compounds AS cp
                 WITH coalesce(cp.type, 'other') AS type, sum(coalesce(cp.households, 0)) AS households
                 RETURN {type: type, households: households} AS t ORDER BY type } AS typeHouseholds,
       size(open) AS needsOpen, size(pastDue) AS needsPastDue, size(unclaimed) AS needsUnclaimed,
       size(noCandidate) AS needsNoCandidate,
       CASE WHEN size(days) = 0 THEN null WHEN size(days) % 2 = 1 THEN toFloat(days[size(days) / 2])
            ELSE (days[size(days) / 2 - 1] + days[size(days) / 2]) / 2.0 END AS medianClaimToDeliveryDays,
       CASE WHEN size(ratings) = 0 THEN null ELSE reduce(s = 0.0, r IN ratings | s + r) / size(ratings) END AS ratingMean,
       size(ratings) AS ratingCount, size(grids) AS grids, size(grids) - size(bare) AS gridsWithBranch,
       size(compounds) AS compounds, size(compounds) - size(bareCompounds) AS compoundsWithBranch,
       size(units) AS residentUnits, size(units) - size(idle) AS residentUnitsActive,
       reduce(h = 0, cp IN counted | h + cp.households) AS households,
       reduce(s = 0, o IN orders | s + o.orders) AS propertyWorkOrders,
       [n IN pastDue | n.uid][..20] AS pastDue, [n IN unclaimed | n.uid][..20] AS unclaimed,
       [n IN noCandidate | n.uid][..20] AS noCandidate,
       [g IN bare | g.code][..20] AS gridsWithoutBranch, [cp IN bareCompounds | cp.uid][..20] AS compoundsWithoutBranch,
       [u IN idle | u.uid][..20] AS inactiveUnits,
       COLLECT { UNWIND orders AS o WITH o WHERE o.orders > 0
                 RETURN o.uid AS uid ORDER BY o.rate DESC, uid LIMIT 20 } AS busyCompounds
ORDER BY CASE WHEN dv.code = $divisionCode THEN 0 ELSE 1 END, code
