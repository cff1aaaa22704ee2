// name: explore_linkage_chain
// title: The three-level linkage of a street, drawn as a graph
// description: 三级联动 as the street runs it: the 街道大工委 ENLARGES the street working committee, each 社区大党委 its
// description: community committee (SUBORDINATE_TO the street's), the grid branches below; the resident units sitting
// description: on the enlarged committees as part-time members (兼职委员), and the street office's departments
// description: RESPONSIBLE_FOR (包联) communities and grids. Names of people are not on the graph's nodes shown here.
// params: code (str)
// returns: street, paths
// example: :param code => '510107005000'
MATCH (s:Division {code: $code, level: 'street'})
RETURN s {.code, .name} AS street,
       COLLECT { MATCH p = (s)<-[:LEADS]-(:PartyOrganization)<-[:ENLARGES]-(:PartyOrganization) RETURN p }
       + COLLECT { MATCH p = (s)<-[:LEADS]-(:PartyOrganization)<-[:ENLARGES]-(:PartyOrganization)
                             <-[:PART_TIME_MEMBER_OF]-(:Organization) RETURN p }
       + COLLECT { MATCH p = (s)<-[:PART_OF]-(:Division)<-[:LEADS]-(:PartyOrganization)
                             <-[:ENLARGES]-(:PartyOrganization) RETURN p }
       + COLLECT { MATCH p = (s)<-[:PART_OF]-(:Division)<-[:LEADS]-(:PartyOrganization)<-[:ENLARGES]-(:PartyOrganization)
                             <-[:PART_TIME_MEMBER_OF]-(:Organization) RETURN p }
       + COLLECT { MATCH p = (s)<-[:PART_OF]-(:Division)<-[:LEADS]-(:PartyOrganization)
                             -[:SUBORDINATE_TO]->(:PartyOrganization)-[:LEADS]->(s) RETURN p }
       + COLLECT { MATCH p = (s)<-[:PART_OF]-(:Division)<-[:PART_OF]-(:Grid)<-[:LEADS]-(:PartyOrganization) RETURN p }
       + COLLECT { MATCH p = (s)<-[:PART_OF]-(:Division)<-[:RESPONSIBLE_FOR]-(:Department) RETURN p }
       + COLLECT { MATCH p = (s)<-[:PART_OF]-(:Division)<-[:PART_OF]-(:Grid)<-[:RESPONSIBLE_FOR]-(:Department)
                   RETURN p } AS paths
