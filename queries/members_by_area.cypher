// name: members_by_area
// title: Party members by derived status and age band, per street, community, grid and compound (counts only)
// description: Every party member living at or below the division (IN_DIVISION its community), counted in each
// description: street, community, grid and compound of that area they live in. The status is derived by the
// description: rules of queries/member_rules.py (docs/members.md): pocket = transfer issued, not received for
// description: $pocketMonths months before $asOf; hidden = relation elsewhere and not checked in where they live.
// description: communityOnly counts members placed to the community only (no grid, no compound). Counts only.
// params: divisionCode (str), asOf (str), pocketMonths (int), bands (list[str])
// returns: level, code, name, total, normal, flowing, pocket, hidden, importedNormal, importedFlowing, importedPocket, importedHidden, disagreements, communityOnly, checkedIn, bands
// example: :param divisionCode => '510107005000'
// example: :param asOf => '2026-12-01'
// example: :param pocketMonths => 6
// example: :param bands => ['<35', '35-45', '46-59', '60-69', '70+']
MATCH (top:Division {code: $divisionCode})
MATCH (c:Division {level: 'community'})-[:PART_OF*0..3]->(top)
MATCH (m:PartyMember)-[:IN_DIVISION]->(c)
WITH top, c, m,
     [(c)-[:PART_OF]->(s:Division {level: 'street'}) WHERE EXISTS { (s)-[:PART_OF*0..3]->(top) } | s][0] AS s,
     [(m)-[:IN_GRID]->(g:Grid) | g][0] AS g,
     [(m)-[:RESIDES_IN]->(cp:Compound) | cp][0] AS cp,
     EXISTS { (m)-[:REPORTED_TO]->(c) } AS checkedIn
WITH m, c, c AS home, s, g, cp, checkedIn, coalesce(m.status, 'normal') AS imported
// the rules of queries/member_rules.py (DERIVED_STATUS, word for word in every query that derives a status)
WITH m, c, s, g, cp, checkedIn, imported,
     CASE
       WHEN m.transferOutOn IS NOT NULL AND m.transferInOn IS NULL
            AND m.transferOutOn <= date($asOf) - duration({months: $pocketMonths}) THEN 'pocket'
       WHEN home IS NOT NULL AND size([(m)-[:MEMBER_OF]->(:PartyOrganization)-[:IN_DIVISION]->(dv) | dv]) > 0
            AND NOT home IN [(m)-[:MEMBER_OF]->(:PartyOrganization)-[:IN_DIVISION]->(dv) | dv]
            AND NOT home IN [(m)-[:REPORTED_TO]->(dv) | dv] THEN 'hidden'
       WHEN m.status = 'flowing' THEN 'flowing'
       ELSE 'normal'
     END AS derived
WITH checkedIn, imported, derived, m.ageBand AS band, g IS NULL AND cp IS NULL AS communityOnly,
     [{level: 'community', code: c.code, name: c.name}]
     + CASE WHEN s IS NULL THEN [] ELSE [{level: 'street', code: s.code, name: s.name}] END
     + CASE WHEN g IS NULL THEN [] ELSE [{level: 'grid', code: g.code, name: g.name}] END
     + CASE WHEN cp IS NULL THEN [] ELSE [{level: 'compound', code: cp.uid, name: cp.name}] END AS areas
UNWIND areas AS a
WITH a, collect({d: derived, i: imported, b: band, ci: checkedIn, co: communityOnly}) AS ms
RETURN a.level AS level, a.code AS code, a.name AS name, size(ms) AS total,
       size([x IN ms WHERE x.d = 'normal']) AS normal, size([x IN ms WHERE x.d = 'flowing']) AS flowing,
       size([x IN ms WHERE x.d = 'pocket']) AS pocket, size([x IN ms WHERE x.d = 'hidden']) AS hidden,
       size([x IN ms WHERE x.i = 'normal']) AS importedNormal, size([x IN ms WHERE x.i = 'flowing']) AS importedFlowing,
       size([x IN ms WHERE x.i = 'pocket']) AS importedPocket, size([x IN ms WHERE x.i = 'hidden']) AS importedHidden,
       size([x IN ms WHERE x.i <> x.d]) AS disagreements, size([x IN ms WHERE x.co]) AS communityOnly,
       size([x IN ms WHERE x.ci]) AS checkedIn,
       [b IN $bands | {band: b, count: size([x IN ms WHERE x.b = b])}]
       + [{band: 'unknown', count: size([x IN ms WHERE x.b IS NULL])}] AS bands
ORDER BY CASE level WHEN 'street' THEN 0 WHEN 'community' THEN 1 WHEN 'grid' THEN 2 ELSE 3 END, code
