// name: explore_grids_without_party_branch
// title: Grids without a party branch
// description: Grids inside a division (district, street or community) that no party organization leads, with how many organizations, party members and open needs each holds: where a grid branch or a joint branch is missing.
// params: code (str)
// returns: uid, code, name, communityCode, communityName, organizations, partyMembers, openNeeds
// example: :param code => '510107005000'
MATCH (area:Division {code: $code})
MATCH (g:Grid)-[:PART_OF]->(c:Division)-[:PART_OF*0..3]->(area)
WHERE NOT EXISTS { (:PartyOrganization)-[:LEADS]->(g) }
RETURN g.uid AS uid, g.code AS code, g.name AS name, c.code AS communityCode, c.name AS communityName,
       COUNT { (:Organization)-[:IN_GRID]->(g) } AS organizations,
       COUNT { (:PartyMember)-[:IN_GRID]->(g) } AS partyMembers,
       COUNT { (n:Need)-[:IN_GRID]->(g) WHERE n.status = 'open' } AS openNeeds
ORDER BY openNeeds DESC, uid
