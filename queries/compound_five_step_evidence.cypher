// name: compound_five_step_evidence
// title: The graph's evidence for the five steps (五步工作法) of some compounds
// description: Counts only, one row per compound uid given; the rules that turn them into done / partial / missing
// description: and a next action live in queries/five_step.py (docs/five-step.md), the one place they are written.
// description: 找党员: resident party members by status. 建组织: party organizations leading the compound, and grid
// description: branches leading a grid it lies in. 优机制: owners' committees with their party-member counts, property
// description: companies. 聚合力: the compound's needs, claimed, with a delivered/accepted project, resources those
// description: projects use. 植文化: culture needs, and culture projects delivered in the 12 months before asOf.
// params: uids (list[str]), asOf (date str)
// returns: uid, compound, evidence
// example: :param uids => ['XQ51010700100400101', 'XQ51010700100400102']
// example: :param asOf => '2025-06-30'
UNWIND $uids AS u
MATCH (c:Compound {uid: u})
WITH c, date($asOf) AS asOf
WITH c, asOf, asOf - duration({months: 12}) AS yearAgo
RETURN c.uid AS uid, c {.uid, .code, .name, .type, .typeRaw, .households, .buildings, .yearBuilt, .managementMode, .address, .placement,
     hasBranch: EXISTS { (c)<-[:LEADS]-(:PartyOrganization) },
     hasOwnersCommittee: EXISTS { (c)<-[:REPRESENTS]-(:OwnersCommittee) }} AS compound, {
  normal: COUNT { (c)<-[:RESIDES_IN]-(:PartyMember {status: 'normal'}) },
  flowing: COUNT { (c)<-[:RESIDES_IN]-(:PartyMember {status: 'flowing'}) },
  pocket: COUNT { (c)<-[:RESIDES_IN]-(:PartyMember {status: 'pocket'}) },
  hidden: COUNT { (c)<-[:RESIDES_IN]-(:PartyMember {status: 'hidden'}) },
  compoundBranches: COUNT { (c)<-[:LEADS]-(:PartyOrganization) },
  gridBranches: COUNT { (c)-[:IN_GRID]->(:Grid)<-[:LEADS]-(:PartyOrganization) },
  committees: COUNT { (c)<-[:REPRESENTS]-(:OwnersCommittee) },
  committeePartyMembers: reduce(total = 0, n IN COLLECT {
    MATCH (c)<-[:REPRESENTS]-(o:OwnersCommittee) RETURN coalesce(o.partyMemberCount, 0) } | total + n),
  companies: COUNT { (c)<-[:MANAGES]-(:Organization) },
  managementMode: c.managementMode,
  needs: COUNT { (c)<-[:IN_COMPOUND]-(:Need) },
  needsClaimed: COUNT { (c)<-[:IN_COMPOUND]-(n:Need) WHERE n.status IN ['claimed', 'closed']
                        OR EXISTS { (n)<-[:ADDRESSES]-(:Project) } },
  needsDelivered: COUNT { (c)<-[:IN_COMPOUND]-(n:Need)<-[:ADDRESSES]-(p:Project)
                          WHERE p.status IN ['delivered', 'accepted'] },
  resourcesUsed: COUNT { MATCH (c)<-[:IN_COMPOUND]-(:Need)<-[:ADDRESSES]-(:Project)-[:USES]->(r:Resource)
                         RETURN DISTINCT r },
  cultureNeeds: COUNT { (c)<-[:IN_COMPOUND]-(n:Need {category: 'culture'}) },
  cultureRecent: COUNT { (c)<-[:IN_COMPOUND]-(n:Need {category: 'culture'})<-[:ADDRESSES]-(p:Project)
                         WHERE p.status IN ['delivered', 'accepted']
                           AND coalesce(p.deliveredOn, p.acceptedOn) > yearAgo
                           AND coalesce(p.deliveredOn, p.acceptedOn) <= asOf },
  cultureDelivered: COUNT { (c)<-[:IN_COMPOUND]-(n:Need {category: 'culture'})<-[:ADDRESSES]-(p:Project)
                            WHERE p.status IN ['delivered', 'accepted'] }
} AS evidence
