// A tiny graph for the exact-result tests of the explore_* queries; every expected answer is counted by hand.
//   district 武侯区 510107000000
//     street S1 玉林街道 510107005000 (led by 玉林街道党工委)
//       community C1 玉林北路社区 510107005001 (led by 玉林北路社区党委): grids G1 (branch 第一网格党支部), G2 (none)
//       community C2 玉林东路社区 510107005002 (no committee): grid G3 (none)
//     street S2 望江路街道 510107004000
//       community C3 望江社区 510107004001: grid G4 (none)
CREATE (city:Division {code: '510100000000', name: '成都市', level: 'city', kind: '市'})
CREATE (dist:Division {code: '510107000000', name: '武侯区', level: 'district', kind: '区', gb2260: '510107'})
CREATE (s1:Division {code: '510107005000', name: '玉林街道', level: 'street', kind: '街道'})
CREATE (s2:Division {code: '510107004000', name: '望江路街道', level: 'street', kind: '街道'})
CREATE (c1:Division {code: '510107005001', name: '玉林北路社区', level: 'community', kind: '社区'})
CREATE (c2:Division {code: '510107005002', name: '玉林东路社区', level: 'community', kind: '社区'})
CREATE (c3:Division {code: '510107004001', name: '望江社区', level: 'community', kind: '社区'})
CREATE (dist)-[:PART_OF]->(city), (s1)-[:PART_OF]->(dist), (s2)-[:PART_OF]->(dist),
       (c1)-[:PART_OF]->(s1), (c2)-[:PART_OF]->(s1), (c3)-[:PART_OF]->(s2)
CREATE (g1:Grid {uid: 'LOCAL:510107005001001', scheme: 'LOCAL', code: '510107005001001', name: '玉林北路第一网格',
                 communityCode: '510107005001'})
CREATE (g2:Grid {uid: 'LOCAL:510107005001002', scheme: 'LOCAL', code: '510107005001002', name: '玉林北路第二网格',
                 communityCode: '510107005001'})
CREATE (g3:Grid {uid: 'LOCAL:510107005002001', scheme: 'LOCAL', code: '510107005002001', name: '玉林东路第一网格',
                 communityCode: '510107005002'})
CREATE (g4:Grid {uid: 'LOCAL:510107004001001', scheme: 'LOCAL', code: '510107004001001', name: '望江第一网格',
                 communityCode: '510107004001'})
CREATE (g1)-[:PART_OF]->(c1), (g2)-[:PART_OF]->(c1), (g3)-[:PART_OF]->(c2), (g4)-[:PART_OF]->(c3)

// organizations: E1 and PU1 in C1, SO1 in C2, E2 in C3
CREATE (e1:Organization:Enterprise {uid: '91510107MA0000001X', kind: 'enterprise', name: '玉林餐饮有限公司',
                                    status: 'ACTIVE', active: true, staffCount: 25})
CREATE (pu1:Organization:PublicUnit {uid: '12510107000000002Y', kind: 'public_unit', name: '玉林社区卫生服务中心',
                                     status: 'ACTIVE', active: true})
CREATE (so1:Organization:SocialOrganization {uid: '52510107000000003Z', kind: 'social_org', name: '玉林社工服务中心',
                                             status: 'ACTIVE', active: true, staffCount: 12})
CREATE (e2:Organization:Enterprise {uid: '91510107MA0000004W', kind: 'enterprise', name: '望江药房有限公司',
                                    status: 'ACTIVE', active: true, staffCount: 30})
CREATE (e1)-[:IN_GRID]->(g1), (e1)-[:IN_DIVISION]->(c1), (pu1)-[:IN_GRID]->(g2), (pu1)-[:IN_DIVISION]->(c1),
       (so1)-[:IN_GRID]->(g3), (so1)-[:IN_DIVISION]->(c2), (e2)-[:IN_GRID]->(g4), (e2)-[:IN_DIVISION]->(c3)

// party organizations: street -> community -> grid branch, plus a unit's own branch
CREATE (ps:Organization:PartyOrganization {uid: 'n:street0000000001', kind: 'party_org', name: '中共玉林街道工作委员会',
                                           category: '党工委', memberCount: 40, contactPhone: '028-00000000'})
CREATE (pc:Organization:PartyOrganization {uid: 'n:comm00000000001', kind: 'party_org', name: '中共玉林北路社区委员会',
                                           category: '党委', memberCount: 120})
CREATE (pg:Organization:PartyOrganization {uid: 'n:grid00000000001', kind: 'party_org', name: '玉林北路第一网格党支部',
                                           category: '党支部', memberCount: 9})
CREATE (pu:Organization:PartyOrganization {uid: 'n:unit00000000001', kind: 'party_org', name: '玉林社区卫生服务中心党支部',
                                           category: '党支部', memberCount: 12})
CREATE (ps)-[:LEADS]->(s1), (pc)-[:LEADS]->(c1), (pg)-[:LEADS]->(g1),
       (pc)-[:SUBORDINATE_TO]->(ps), (pg)-[:SUBORDINATE_TO]->(pc), (pu)-[:SUBORDINATE_TO]->(pc),
       (pu)-[:HOSTED_BY]->(pu1), (pu)-[:HOSTED_BY]->(so1)

// party members (aggregates only): two in G2, one in G1, one in G3
CREATE (m1:PartyMember {uid: 'm1', status: 'normal', name: '张三'})-[:IN_GRID]->(g2)
CREATE (m2:PartyMember {uid: 'm2', status: 'flowing'})-[:IN_GRID]->(g2)
CREATE (m3:PartyMember {uid: 'm3', status: 'normal'})-[:IN_GRID]->(g1)
CREATE (m4:PartyMember {uid: 'm4', status: 'normal'})-[:IN_GRID]->(g3)
CREATE (m1)-[:MEMBER_OF]->(pu), (m3)-[:MEMBER_OF]->(pg)

// resources: R5 is withdrawn
CREATE (r1:Resource {uid: 'R1', name: '三楼会议室', category: 'venue', capacity: '40人', status: 'available'})
CREATE (r2:Resource {uid: 'R2', name: '周末义诊', category: 'medical', capacity: '每月2次', status: 'available'})
CREATE (r3:Resource {uid: 'R3', name: '助老志愿队', category: 'volunteer', status: 'available'})
CREATE (r4:Resource {uid: 'R4', name: '用药咨询', category: 'medical', status: 'available'})
CREATE (r5:Resource {uid: 'R5', name: '旧仓库', category: 'venue', status: 'withdrawn'})
CREATE (r6:Resource {uid: 'R6', name: '慢病随访', category: 'medical', status: 'available'})
CREATE (e1)-[:PROVIDES]->(r1), (pu1)-[:PROVIDES]->(r2), (so1)-[:PROVIDES]->(r3), (e2)-[:PROVIDES]->(r4),
       (e1)-[:PROVIDES]->(r5), (pu1)-[:PROVIDES]->(r6), (so1)-[:PROVIDES]->(r6)
CREATE (r1)-[:IN_GRID]->(g1), (r1)-[:IN_DIVISION]->(c1), (r2)-[:IN_GRID]->(g2), (r2)-[:IN_DIVISION]->(c1),
       (r3)-[:IN_GRID]->(g3), (r3)-[:IN_DIVISION]->(c2), (r4)-[:IN_GRID]->(g4), (r4)-[:IN_DIVISION]->(c3),
       (r5)-[:IN_GRID]->(g1), (r5)-[:IN_DIVISION]->(c1), (r6)-[:IN_DIVISION]->(s1)

// needs, a project, an agreement, an alliance, a reporting unit, a probable duplicate
CREATE (n1:Need {uid: 'N1', title: '独居老人助餐', category: 'elderly', status: 'open', urgency: 1})
CREATE (n2:Need {uid: 'N2', title: '慢病义诊', category: 'medical', status: 'open', urgency: 2})
CREATE (n3:Need {uid: 'N3', title: '议事会场地', category: 'venue', status: 'claimed', urgency: 3})
CREATE (n4:Need {uid: 'N4', title: '楼道清理', category: 'environment', status: 'open', urgency: 2})
CREATE (n1)-[:IN_GRID]->(g2), (n1)-[:IN_DIVISION]->(c1), (n2)-[:IN_GRID]->(g3), (n2)-[:IN_DIVISION]->(c2),
       (n3)-[:IN_GRID]->(g1), (n3)-[:IN_DIVISION]->(c1), (n4)-[:IN_GRID]->(g2), (n4)-[:IN_DIVISION]->(c1),
       (n2)-[:RAISED_BY]->(so1)
CREATE (p1:Project {uid: 'P1', name: '议事会场地共享', status: 'in_progress'})
CREATE (p1)-[:ADDRESSES]->(n3), (p1)-[:USES]->(r1), (p1)-[:LED_BY]->(e1), (p1)-[:IN_DIVISION]->(c1)
CREATE (a1:Agreement {uid: 'A1', title: '玉林北路社区共建协议'})-[:SIGNED_BY]->(pu1), (a1)-[:COVERS]->(c1)
CREATE (al:Alliance {uid: 'AL1', name: '玉林北路社区大党委', kind: 'community_committee'})
CREATE (al)-[:COVERS]->(c1), (al)-[:LED_BY]->(pc), (pu1)-[:MEMBER_OF {role: '兼职委员'}]->(al),
       (pu1)-[:REPORTED_TO]->(c1), (e1)-[:SAME_AS {score: 0.9, reason: 'name'}]->(e2)
