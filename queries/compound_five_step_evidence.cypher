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
       WHEN home IS NOT NULL AND size([(m)-[:MEMBER_OF]->(:PartyOrganization)-[:IN_DIVISION]->(dv) | dv]) > 0
            AND NOT home IN [(m)-[:MEMBER_OF]->(:PartyOrganization)-[:IN_DIVISION]->(dv) | dv]
            AND NOT home IN [(m)-[:REPORTED_TO]->(dv) | dv] THEN 'hidden'
       WHEN m.status = 'flowing' THEN 'flowing'
       ELSE 'normal'
     END
} AS statuses,
// the compound's needs, once: IN_COMPOUND also holds its work orders (thousands), walked once here, not per count
[(c)<-[:IN_COMPOUND]-(n:Need) | n] AS needs
WITH c, asOf, yearAgo, statuses, needs,
     [n IN needs | {n: n, projects: [(n)<-[:ADDRESSES]-(p:Project) | p]}] AS claims
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
  needs: size(needs),
  needsClaimed: size([x IN claims WHERE x.n.status IN ['claimed', 'closed'] OR size(x.projects) > 0]),
  needsDelivered: reduce(t = 0, x IN claims |
                         t + size([p IN x.projects WHERE p.status IN ['delivered', 'accepted']])),
  resourcesUsed: COUNT { UNWIND claims AS x UNWIND x.projects AS p MATCH (p)-[:USES]->(r:Resource)
                         RETURN DISTINCT r },
  cultureNeeds: size([n IN needs WHERE n.category = 'culture']),
  cultureRecent: reduce(t = 0, x IN [x IN claims WHERE x.n.category = 'culture'] |
                        t + size([p IN x.projects WHERE p.status IN ['delivered', 'accepted']
                                    AND coalesce(p.deliveredOn, p.acceptedOn) > yearAgo
                                    AND coalesce(p.deliveredOn, p.acceptedOn) <= asOf])),
  cultureDelivered: reduce(t = 0, x IN [x IN claims WHERE x.n.category = 'culture'] |
                           t + size([p IN x.projects WHERE p.status IN ['delivered', 'accepted']]))
} AS evidence
