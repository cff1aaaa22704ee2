// name: division_indicators
// title: Indicators of a division and of each division directly below it (each indicator defined here once)
// description: For the division and its children (district -> streets, street -> communities): open needs, open
// description: needs past their neededBy date, open needs nobody claimed (no project ADDRESSES them) published at
// description: least $unclaimedDays days before $asOf, the median days from a project's start (claim) to its
// description: delivery, the mean and count of acceptance ratings, grids and compounds with a party organization
// description: that LEADS them (举头见支部). Needs and projects count where the need lies. Rules: docs/indicators.md.
// params: divisionCode (str), asOf (str), unclaimedDays (int)
// returns: code, name, level, needsOpen, needsPastDue, needsUnclaimed, medianClaimToDeliveryDays, ratingMean, ratingCount, grids, gridsWithBranch, compounds, compoundsWithBranch, pastDue, unclaimed, gridsWithoutBranch
// example: :param divisionCode => '510107005000'
// example: :param asOf => '2026-12-01'
// example: :param unclaimedDays => 30
MATCH (top:Division {code: $divisionCode})
WITH top, date($asOf) AS asOf
UNWIND [top] + [(top)<-[:PART_OF]-(c:Division) | c] AS d
WITH d, asOf,
     COLLECT { MATCH (d)<-[:PART_OF*0..3]-(:Division)<-[:IN_DIVISION]-(n:Need) RETURN DISTINCT n } AS needs,
     COLLECT { MATCH (d)<-[:PART_OF*0..3]-(:Division)<-[:PART_OF]-(g:Grid) RETURN DISTINCT g } AS grids,
     COLLECT { MATCH (d)<-[:PART_OF*0..3]-(:Division)<-[:IN_DIVISION]-(cp:Compound) RETURN DISTINCT cp } AS compounds
WITH d, asOf, grids, compounds,
     [n IN needs WHERE n.status = 'open'] AS open,
     COLLECT { UNWIND needs AS n MATCH (n)<-[:ADDRESSES]-(p:Project) RETURN DISTINCT p } AS projects
WITH d, grids, compounds, open, projects,
     [n IN open WHERE n.neededBy IS NOT NULL AND n.neededBy < asOf] AS pastDue,
     [n IN open WHERE NOT EXISTS { (n)<-[:ADDRESSES]-(:Project) } AND n.publishedOn IS NOT NULL
                      AND n.publishedOn <= asOf - duration({days: $unclaimedDays})] AS unclaimed,
     [g IN grids WHERE NOT EXISTS { (g)<-[:LEADS]-(:PartyOrganization) }] AS bare,
     COLLECT { UNWIND projects AS p WITH p WHERE p.startedOn IS NOT NULL AND p.deliveredOn IS NOT NULL
               RETURN duration.inDays(p.startedOn, p.deliveredOn).days AS x ORDER BY x } AS days,
     [p IN projects WHERE p.rating IS NOT NULL | p.rating] AS ratings
RETURN d.code AS code, d.name AS name, d.level AS level, size(open) AS needsOpen, size(pastDue) AS needsPastDue,
       size(unclaimed) AS needsUnclaimed,
       CASE WHEN size(days) = 0 THEN null WHEN size(days) % 2 = 1 THEN toFloat(days[size(days) / 2])
            ELSE (days[size(days) / 2 - 1] + days[size(days) / 2]) / 2.0 END AS medianClaimToDeliveryDays,
       CASE WHEN size(ratings) = 0 THEN null ELSE reduce(s = 0.0, r IN ratings | s + r) / size(ratings) END AS ratingMean,
       size(ratings) AS ratingCount, size(grids) AS grids, size(grids) - size(bare) AS gridsWithBranch,
       size(compounds) AS compounds,
       size([cp IN compounds WHERE EXISTS { (cp)<-[:LEADS]-(:PartyOrganization) }]) AS compoundsWithBranch,
       [n IN pastDue | n.uid][..20] AS pastDue, [n IN unclaimed | n.uid][..20] AS unclaimed,
       [g IN bare | g.code][..20] AS gridsWithoutBranch
ORDER BY CASE WHEN d.code = $divisionCode THEN 0 ELSE 1 END, code
