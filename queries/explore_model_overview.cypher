// name: explore_model_overview
// title: What the graph holds
// description: Node counts per label and relationship counts per type of the gridlink model (graph/MODEL.md): the first thing to run on a new graph.
// returns: part, name, total
WITH [['Division', COUNT { (:Division) }], ['Grid', COUNT { (:Grid) }],
      ['Organization', COUNT { (:Organization) }], ['Enterprise', COUNT { (:Enterprise) }],
      ['PublicUnit', COUNT { (:PublicUnit) }], ['SocialOrganization', COUNT { (:SocialOrganization) }],
      ['PartyOrganization', COUNT { (:PartyOrganization) }], ['Resource', COUNT { (:Resource) }],
      ['Need', COUNT { (:Need) }], ['Project', COUNT { (:Project) }], ['Agreement', COUNT { (:Agreement) }],
      ['Alliance', COUNT { (:Alliance) }], ['PartyMember', COUNT { (:PartyMember) }]] AS labels
UNWIND labels AS row
RETURN 'label' AS part, row[0] AS name, row[1] AS total
UNION ALL
WITH [['PART_OF', COUNT { ()-[:PART_OF]->() }], ['IN_GRID', COUNT { ()-[:IN_GRID]->() }],
      ['IN_DIVISION', COUNT { ()-[:IN_DIVISION]->() }], ['SUBORDINATE_TO', COUNT { ()-[:SUBORDINATE_TO]->() }],
      ['HOSTED_BY', COUNT { ()-[:HOSTED_BY]->() }], ['LEADS', COUNT { ()-[:LEADS]->() }],
      ['PROVIDES', COUNT { ()-[:PROVIDES]->() }], ['RAISED_BY', COUNT { ()-[:RAISED_BY]->() }],
      ['ADDRESSES', COUNT { ()-[:ADDRESSES]->() }], ['USES', COUNT { ()-[:USES]->() }],
      ['LED_BY', COUNT { ()-[:LED_BY]->() }], ['SIGNED_BY', COUNT { ()-[:SIGNED_BY]->() }],
      ['COVERS', COUNT { ()-[:COVERS]->() }], ['MEMBER_OF', COUNT { ()-[:MEMBER_OF]->() }],
      ['REPORTED_TO', COUNT { ()-[:REPORTED_TO]->() }], ['SAME_AS', COUNT { ()-[:SAME_AS]->() }]] AS types
UNWIND types AS row
RETURN 'relationship' AS part, row[0] AS name, row[1] AS total
