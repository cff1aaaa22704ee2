// name: explore_community_card
// title: A community card, drawn as a graph
// description: One community with what an analyst asks about first, as paths to draw: its street, its grids, the party organizations leading it and its grids, the alliances covering it, the open needs placed in it and the resources placed in it with their providers. Party members are left out: they are personal data.
// params: code (str)
// returns: community, grids, openNeeds, resources, paths
// example: :param code => '510107005001'
MATCH (c:Division {code: $code, level: 'community'})
RETURN c {.code, .name} AS community,
       COUNT { (c)<-[:PART_OF]-(:Grid) } AS grids,
       COUNT { (c)<-[:IN_DIVISION]-(n:Need) WHERE n.status = 'open' } AS openNeeds,
       COUNT { (c)<-[:IN_DIVISION]-(:Resource) } AS resources,
       COLLECT { MATCH p = (c)-[:PART_OF]->(:Division) RETURN p }
       + COLLECT { MATCH p = (c)<-[:PART_OF]-(:Grid) RETURN p }
       + COLLECT { MATCH p = (c)<-[:LEADS]-(:PartyOrganization) RETURN p }
       + COLLECT { MATCH p = (c)<-[:PART_OF]-(:Grid)<-[:LEADS]-(:PartyOrganization) RETURN p }
       + COLLECT { MATCH p = (c)<-[:COVERS]-(:Alliance) RETURN p }
       + COLLECT { MATCH p = (c)<-[:IN_DIVISION]-(n:Need) WHERE n.status = 'open' RETURN p }
       + COLLECT { MATCH p = (c)<-[:IN_DIVISION]-(:Resource)<-[:PROVIDES]-(:Organization) RETURN p } AS paths
