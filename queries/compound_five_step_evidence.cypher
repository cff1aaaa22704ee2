// name: compound_five_step_evidence
// title: The graph's evidence for the five steps (五步工作法) of some compounds
// description: Counts only, one row per compound uid given; the rules that turn them into done / partial / missing
// description: and a next action live in queries/five_step.py (docs/five-step.md), the one place they are written.
// description: 找党员: resident party members by status, derived by the rules of queries/member_rules.py (pocket:
// description: transfer not received for pocketMonths months before asOf; hidden: relation elsewhere, not checked in
// description: where they live). 建组织: party organizations leading the compound, and grid branches leading a grid
// description: it lies in. 优机制: owners' committees and property projects with their party-member counts
// description: (交叉任职), property companies, joint-mechanism agreements (三方联动) covering it in force on asOf.
// description: 聚合力: the compound's needs, claimed, with a delivered/accepted project, resources those projects
// description: use. 植文化: culture needs, and culture projects delivered in the 12 months before asOf.
// params: uids (list[str]), asOf (date str), pocketMonths (int)
// returns: uid, compound, evidence
// example: :param uids => ['XQ51010700100400101', 'XQ51010700100400102']
// example: :param asOf => '2025-06-30'
// example: :param pocketMonths => 6
UNWIND $uids AS u
MATCH (c:Compound {uid: u})
WITH c, date($asOf) AS asOf
WITH c, asOf, asOf - duration({months: 12}) AS yearAgo
WITH c, asOf, yearAgo, COLLECT {
  MATCH (c)<-[:RESIDES_IN]-(m:PartyMember)
  WITH m, [(m)-[:IN_DIVISION]->(d:Division) | d][0] AS home
  RETURN CASE
       WHEN m.transferOutOn IS NOT NULL AND m.transferInOn IS NULL
            AND m.transferOutOn <= date($asOf) - duration({months: $pocketMonths}) THEN 'pocket'
       WHEN home IS NOT NULL AND EXISTS { (m)-[:MEMBER_OF]->(:PartyOrganization)-[:IN_DIVISION]->() }
            AND NOT EXISTS { (m)-[:MEMBER_OF]->(:PartyOrganization)-[:IN_DIVISION]->(home) }
            AND NOT EXISTS { (m)-[:REPORTED_TO]->(home) } THEN 'hidden'
       WHEN m.status = 'flowing' THEN 'flowing'
       ELSE 'normal'
     END
} AS statuses
RETURN c.uid AS uid, c {.uid, .code, .name, .type, .typeRaw, .households, .buildings, .yearBuilt, .managementMode, .address, .placement,
     hasBranch: EXISTS { (c)<-[:LEADS]-(:PartyOrganization) },
     hasOwnersCommittee: EXISTS { (c)<-[:REPRESENTS]-(:OwnersCommittee) }} AS compound, {
  normal: size([x IN statuses WHERE x = 'normal']), flowing: size([x IN statuses WHERE x = 'flowing']),
  pocket: size([x IN statuses WHERE x = 'pocket']), hidden: size([x IN statuses WHERE x = 'hidden']),
  compoundBranches: COUNT { (c)<-[:LEADS]-(:PartyOrganization) },
  gridBranches: COUNT { (c)-[:IN_GRID]->(:Grid)<-[:LEADS]-(:PartyOrganization) },
  committees: COUNT { (c)<-[:REPRESENTS]-(:OwnersCommittee) },
  committeePartyMembers: reduce(total = 0, n IN COLLECT {
    MATCH (c)<-[:REPRESENTS]-(o:OwnersCommittee) RETURN coalesce(o.partyMemberCount, 0) } | total + n),
  projectPartyMembers: reduce(total = 0, n IN COLLECT {
    MATCH (c)<-[m:MANAGES]-(:Organization) RETURN coalesce(m.partyMemberCount, 0) } | total + n),
  jointAgreements: COUNT { (c)<-[:COVERS]-(a:Agreement {type: 'joint_mechanism'})
                           WHERE (a.signedOn IS NULL OR a.signedOn <= asOf)
                             AND (a.validTo IS NULL OR a.validTo >= asOf) },
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
