// name: coconstruction_partners
// title: Partners of a community, with strength
// description: Organizations linked to the community, each link with a weight: a valid agreement covering it
// description: (AGREEMENT 3; expired: AGREEMENT_EXPIRED 1; signedOn still ahead: AGREEMENT_PENDING 1; today in
// description: Asia/Shanghai), membership of an alliance covering it or one of its grids
// description: (COMMUNITY_ALLIANCE 2) or covering its street (STREET_ALLIANCE 1), a seat (PART_TIME_MEMBER_OF) on
// description: the 社区大党委 (COMMUNITY_COMMITTEE_SEAT 2) or the street's 大工委 (STREET_COMMITTEE_SEAT 1), 双报到 to it
// description: (DUAL_REPORT 2), hosting a
// description: party organization under the community's party committee (PARTY_SUBORDINATE 2), leading a project
// description: delivered in it (PROJECT 1 each). strength = sum of weights; ties by uid.
// params: communityCode (str), limit (int)
// returns: community, partners
// example: :param communityCode => '510107005001'
// example: :param limit => 50
MATCH (c:Division {code: $communityCode})
OPTIONAL MATCH (c)-[:PART_OF]->(s:Division)
WITH c, s, date({timezone: 'Asia/Shanghai'}) AS today
RETURN c {.code, .name, .level} AS community,
  COLLECT {
    CALL (c, s, today) {
      MATCH (c)<-[:COVERS]-(ag:Agreement)-[:SIGNED_BY]->(o:Organization)
      RETURN o, CASE WHEN ag.validTo < today THEN 'AGREEMENT_EXPIRED'
                     WHEN ag.signedOn > today THEN 'AGREEMENT_PENDING' ELSE 'AGREEMENT' END AS kind,
             ag.title AS detail
      UNION
      MATCH (c)<-[:COVERS]-(al:Alliance)<-[:MEMBER_OF]-(o:Organization)
      RETURN o, 'COMMUNITY_ALLIANCE' AS kind, al.name AS detail
      UNION
      MATCH (c)<-[:PART_OF]-(:Grid)<-[:COVERS]-(al:Alliance)<-[:MEMBER_OF]-(o:Organization)
      RETURN o, 'COMMUNITY_ALLIANCE' AS kind, al.name AS detail
      UNION
      MATCH (s)<-[:COVERS]-(al:Alliance)<-[:MEMBER_OF]-(o:Organization)
      RETURN o, 'STREET_ALLIANCE' AS kind, al.name AS detail
      UNION
      MATCH (c)<-[:LEADS]-(:PartyOrganization)<-[:ENLARGES]-(e:PartyOrganization)
            <-[:PART_TIME_MEMBER_OF]-(o:Organization)
      RETURN o, 'COMMUNITY_COMMITTEE_SEAT' AS kind, e.name AS detail
      UNION
      MATCH (s)<-[:LEADS]-(:PartyOrganization)<-[:ENLARGES]-(e:PartyOrganization)
            <-[:PART_TIME_MEMBER_OF]-(o:Organization)
      RETURN o, 'STREET_COMMITTEE_SEAT' AS kind, e.name AS detail
      UNION
      MATCH (c)<-[:REPORTED_TO]-(o:Organization)
      RETURN o, 'DUAL_REPORT' AS kind, null AS detail
      UNION
      MATCH (c)<-[:LEADS]-(:PartyOrganization)<-[:SUBORDINATE_TO]-(po:PartyOrganization)-[:HOSTED_BY]->(o:Organization)
      RETURN o, 'PARTY_SUBORDINATE' AS kind, po.name AS detail
      UNION
      MATCH (c)<-[:IN_DIVISION]-(pj:Project)-[:LED_BY]->(o:Organization)
      RETURN o, 'PROJECT' AS kind, pj.name AS detail
    }
    WITH o, kind, detail,
      {AGREEMENT: 3, AGREEMENT_EXPIRED: 1, AGREEMENT_PENDING: 1, COMMUNITY_ALLIANCE: 2, STREET_ALLIANCE: 1,
       COMMUNITY_COMMITTEE_SEAT: 2, STREET_COMMITTEE_SEAT: 1, DUAL_REPORT: 2, PARTY_SUBORDINATE: 2, PROJECT: 1}[kind]
      AS weight
    ORDER BY kind, detail
    WITH o, collect({kind: kind, detail: detail, weight: weight}) AS links, sum(weight) AS strength
    ORDER BY strength DESC, o.uid ASC
    LIMIT $limit
    RETURN {organization: o {.uid, .name, .kind}, strength: strength, links: links} AS partner
  } AS partners
