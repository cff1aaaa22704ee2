// A hand-made graph small enough to compute every API answer by hand (see tests/api/README in test_ranking.py).
// Map (longitude →, latitude ↑), all in 武侯区:
//   street S1 簇桥街道 510107005000: community C1 锦城社区 (grids G1, G2), community C2 新苑社区 (grid G3)
//   street S2 红牌楼街道 510107006000: community C3 佳灵社区 (grid G4, ~5 km east)
// G1 is the square [104.000,104.010]×[30.600,30.610] minus its north-east quarter, which belongs to G2.
CREATE (city:Division {code: '510100000000', name: '成都市', level: 'city', kind: '市'})
CREATE (dist:Division {code: '510107000000', name: '武侯区', level: 'district', kind: '区', gb2260: '510107'})
CREATE (s1:Division {code: '510107005000', name: '簇桥街道', level: 'street', kind: '街道'})
CREATE (s2:Division {code: '510107006000', name: '红牌楼街道', level: 'street', kind: '街道'})
CREATE (c1:Division {code: '510107005001', name: '锦城社区', level: 'community', kind: '社区', urbanRural: '111'})
CREATE (c2:Division {code: '510107005002', name: '新苑社区', level: 'community', kind: '社区', urbanRural: '111'})
CREATE (c3:Division {code: '510107006001', name: '佳灵社区', level: 'community', kind: '社区', urbanRural: '112'})
CREATE (dist)-[:PART_OF]->(city), (s1)-[:PART_OF]->(dist), (s2)-[:PART_OF]->(dist),
       (c1)-[:PART_OF]->(s1), (c2)-[:PART_OF]->(s1), (c3)-[:PART_OF]->(s2)

CREATE (g1:Grid {uid: 'LOCAL:510107005001001', scheme: 'LOCAL', code: '510107005001001', name: '锦城社区第一网格',
  communityCode: '510107005001', centroid: point({longitude: 104.004, latitude: 30.604}),
  minLon: 104.000, minLat: 30.600, maxLon: 104.010, maxLat: 30.610,
  boundary: '{"type":"Polygon","coordinates":[[[104.0,30.6],[104.01,30.6],[104.01,30.605],[104.005,30.605],[104.005,30.61],[104.0,30.61],[104.0,30.6]]]}'})
CREATE (g2:Grid {uid: 'LOCAL:510107005001002', scheme: 'LOCAL', code: '510107005001002', name: '锦城社区第二网格',
  communityCode: '510107005001', centroid: point({longitude: 104.015, latitude: 30.605}),
  minLon: 104.005, minLat: 30.600, maxLon: 104.020, maxLat: 30.610,
  boundary: '{"type":"Polygon","coordinates":[[[104.01,30.6],[104.02,30.6],[104.02,30.61],[104.005,30.61],[104.005,30.605],[104.01,30.605],[104.01,30.6]]]}'})
CREATE (g3:Grid {uid: 'LOCAL:510107005002001', scheme: 'LOCAL', code: '510107005002001', name: '新苑社区第一网格',
  communityCode: '510107005002', centroid: point({longitude: 104.005, latitude: 30.615}),
  minLon: 104.000, minLat: 30.610, maxLon: 104.010, maxLat: 30.620,
  boundary: '{"type":"Polygon","coordinates":[[[104.0,30.61],[104.01,30.61],[104.01,30.62],[104.0,30.62],[104.0,30.61]]]}'})
CREATE (g4:Grid {uid: 'LOCAL:510107006001001', scheme: 'LOCAL', code: '510107006001001', name: '佳灵社区第一网格',
  communityCode: '510107006001', centroid: point({longitude: 104.055, latitude: 30.605}),
  minLon: 104.050, minLat: 30.600, maxLon: 104.060, maxLat: 30.610,
  boundary: '{"type":"Polygon","coordinates":[[[104.05,30.6],[104.06,30.6],[104.06,30.61],[104.05,30.61],[104.05,30.6]]]}'})
CREATE (g1)-[:PART_OF]->(c1), (g2)-[:PART_OF]->(c1), (g3)-[:PART_OF]->(c2), (g4)-[:PART_OF]->(c3)

// ---- organizations ----
CREATE (e1:Organization:Enterprise {uid: '91350100M000100Y43', uscc: '91350100M000100Y43', usccValid: true,
  kind: 'enterprise', name: '成都锦城物业管理有限公司', nameNorm: '成都锦城物业管理有限公司', alias: '锦城物业', status: 'ACTIVE',
  active: true, industry: 'K', staffCount: 40, placement: 'grid-point', location: point({longitude: 104.002, latitude: 30.602}),
  address: '锦城路1号', foundedOn: date('2010-03-01'), legalRep: '王某'})
CREATE (e2:Organization:Enterprise {uid: '914403001922038216', uscc: '914403001922038216', usccValid: true,
  kind: 'enterprise', name: '新苑科技有限公司', nameNorm: '新苑科技有限公司', status: 'ACTIVE', active: true, industry: 'I',
  staffCount: 25, placement: 'grid-point', location: point({longitude: 104.006, latitude: 30.616})})
CREATE (e3:Organization:Enterprise {uid: '91110000710926094P', uscc: '91110000710926094P', usccValid: true,
  kind: 'enterprise', name: '佳灵餐饮有限公司', nameNorm: '佳灵餐饮有限公司', status: 'ACTIVE', active: true, industry: 'H',
  staffCount: 12, placement: 'grid-point', location: point({longitude: 104.056, latitude: 30.606})})
CREATE (e4:Organization:Enterprise {uid: '91510107MA0000004X', uscc: '91510107MA0000004X', usccValid: false,
  usccIssue: 'check character', kind: 'enterprise', name: '锦城大药房', nameNorm: '锦城大药房', status: 'REVOKED',
  active: true, industry: 'F', staffCount: 3, placement: 'division-code'})
CREATE (pu1:Organization:PublicUnit {uid: '12510107MB0000001Y', uscc: '12510107MB0000001Y', usccValid: true,
  kind: 'public_unit', name: '武侯区锦城社区卫生服务中心', nameNorm: '武侯区锦城社区卫生服务中心', status: 'ACTIVE', active: true,
  industry: 'Q', placement: 'grid-point', location: point({longitude: 104.016, latitude: 30.604})})
CREATE (pu2:Organization:PublicUnit {uid: '12510107MB0000002Y', uscc: '12510107MB0000002Y', usccValid: true,
  kind: 'public_unit', name: '武侯区第一人民医院', nameNorm: '武侯区第一人民医院', status: 'ACTIVE', active: true,
  industry: 'Q', placement: 'grid-point', location: point({longitude: 104.055, latitude: 30.604})})
CREATE (so1:Organization:SocialOrganization {uid: '52510107MJ0000001A', uscc: '52510107MJ0000001A', usccValid: true,
  kind: 'social_org', name: '锦城社工服务中心', nameNorm: '锦城社工服务中心', status: 'ACTIVE', active: true, industry: 'S',
  placement: 'grid-point', location: point({longitude: 104.003, latitude: 30.603})})
CREATE (so2:Organization:SocialOrganization {uid: '51510107MJ0000002B', uscc: '51510107MJ0000002B', usccValid: true,
  kind: 'social_org', name: '红牌楼志愿者协会', nameNorm: '红牌楼志愿者协会', status: 'ACTIVE', active: true, industry: 'S',
  placement: 'grid-point', location: point({longitude: 104.057, latitude: 30.607})})
CREATE (e1)-[:IN_GRID]->(g1), (e1)-[:IN_DIVISION]->(c1), (e2)-[:IN_GRID]->(g3), (e2)-[:IN_DIVISION]->(c2),
       (e3)-[:IN_GRID]->(g4), (e3)-[:IN_DIVISION]->(c3), (e4)-[:IN_DIVISION]->(c1),
       (pu1)-[:IN_GRID]->(g2), (pu1)-[:IN_DIVISION]->(c1), (pu2)-[:IN_GRID]->(g4), (pu2)-[:IN_DIVISION]->(c3),
       (so1)-[:IN_GRID]->(g1), (so1)-[:IN_DIVISION]->(c1), (so2)-[:IN_GRID]->(g4), (so2)-[:IN_DIVISION]->(c3)

// ---- party organizations: S1 has the full chain except G2 (no branch) and G3 (branch not attached); S2 none ----
CREATE (ps1:Organization:PartyOrganization {uid: 'n:ps1', kind: 'party_org', name: '中共簇桥街道工作委员会',
  nameNorm: '中共簇桥街道工作委员会', category: '党工委', memberCount: 320, status: 'ACTIVE', active: true,
  secretaryName: '李书记', contactPhone: '02880000001'})
CREATE (pc1:Organization:PartyOrganization {uid: 'n:pc1', kind: 'party_org', name: '中共锦城社区委员会',
  nameNorm: '中共锦城社区委员会', category: '党委', memberCount: 120, status: 'ACTIVE', active: true,
  secretaryName: '赵书记', contactPhone: '02880000002'})
CREATE (pc2:Organization:PartyOrganization {uid: 'n:pc2', kind: 'party_org', name: '中共新苑社区委员会',
  nameNorm: '中共新苑社区委员会', category: '党委', memberCount: 80, status: 'ACTIVE', active: true})
CREATE (pg1:Organization:PartyOrganization {uid: 'n:pg1', kind: 'party_org', name: '中共锦城社区第一网格支部委员会',
  nameNorm: '中共锦城社区第一网格支部委员会', category: '党支部', memberCount: 15, status: 'ACTIVE', active: true})
CREATE (pg3:Organization:PartyOrganization {uid: 'n:pg3', kind: 'party_org', name: '中共新苑社区第一网格支部委员会',
  nameNorm: '中共新苑社区第一网格支部委员会', category: '党支部', memberCount: 9, status: 'ACTIVE', active: true})
CREATE (pe1:Organization:PartyOrganization {uid: 'n:pe1', kind: 'party_org', name: '中共成都锦城物业管理有限公司支部委员会',
  nameNorm: '中共成都锦城物业管理有限公司支部委员会', category: '党支部', memberCount: 7, status: 'ACTIVE', active: true,
  secretaryName: '张三', contactPhone: '13800000001'})
CREATE (pj:Organization:PartyOrganization {uid: 'n:pj', kind: 'party_org', name: '中共红牌楼联合支部委员会',
  nameNorm: '中共红牌楼联合支部委员会', category: '联合党支部', memberCount: 5, status: 'ACTIVE', active: true,
  secretaryName: '钱五', contactPhone: '13800000003'})
CREATE (ps1)-[:LEADS]->(s1), (pc1)-[:LEADS]->(c1), (pc2)-[:LEADS]->(c2), (pg1)-[:LEADS]->(g1), (pg3)-[:LEADS]->(g3),
       (pc1)-[:SUBORDINATE_TO]->(ps1), (pg1)-[:SUBORDINATE_TO]->(pc1), (pe1)-[:SUBORDINATE_TO]->(pc1),
       (pe1)-[:HOSTED_BY]->(e1), (pj)-[:HOSTED_BY]->(e3), (pj)-[:HOSTED_BY]->(so2),
       (ps1)-[:IN_DIVISION]->(s1), (pc1)-[:IN_DIVISION]->(c1), (pc2)-[:IN_DIVISION]->(c2),
       (pg1)-[:IN_GRID]->(g1), (pg1)-[:IN_DIVISION]->(c1), (pg3)-[:IN_GRID]->(g3), (pg3)-[:IN_DIVISION]->(c2),
       (pe1)-[:IN_GRID]->(g1), (pe1)-[:IN_DIVISION]->(c1), (pj)-[:IN_DIVISION]->(c3)

// ---- alliances, agreements, 双报到 ----
CREATE (a1:Alliance {uid: 'a1', name: '锦城社区大党委', kind: 'community_committee'})
CREATE (a2:Alliance {uid: 'a2', name: '簇桥街道大工委', kind: 'street_committee'})
CREATE (a3:Alliance {uid: 'a3', name: '锦城网格党建联盟', kind: 'regional'})
CREATE (a1)-[:COVERS]->(c1), (a2)-[:COVERS]->(s1), (a3)-[:COVERS]->(g1),
       (a1)-[:LED_BY]->(pc1), (a2)-[:LED_BY]->(ps1),
       (e1)-[:MEMBER_OF {role: '兼职委员', since: date('2023-01-01')}]->(a1),
       (pu1)-[:MEMBER_OF {role: '兼职委员', since: date('2023-01-01')}]->(a1),
       (pu2)-[:MEMBER_OF {role: '兼职委员', since: date('2022-06-01')}]->(a2),
       (e2)-[:MEMBER_OF {role: '成员单位', since: date('2024-01-01')}]->(a3)
CREATE (ag1:Agreement {uid: 'ag1', title: '锦城社区与第一人民医院共建协议', signedOn: date('2024-01-01'), validTo: date('2030-12-31')})
CREATE (ag2:Agreement {uid: 'ag2', title: '锦城社区与佳灵餐饮共建协议', signedOn: date('2021-01-01'), validTo: date('2023-12-31')})
CREATE (ag1)-[:SIGNED_BY]->(pu2), (ag1)-[:COVERS]->(c1), (ag2)-[:SIGNED_BY]->(e3), (ag2)-[:COVERS]->(c1)
CREATE (e1)-[:REPORTED_TO {on: date('2023-03-01')}]->(c1), (pu2)-[:REPORTED_TO {on: date('2023-05-01')}]->(c1)

// ---- resources (资源清单) ----
CREATE (r1:Resource {uid: 'r1', name: '锦城物业会议室', category: 'venue', capacity: '30人', status: 'available',
  description: '可容纳30人的会议室', serviceRadiusM: 1000,
  location: point({longitude: 104.002, latitude: 30.602}), weekdays: [1, 2, 3, 4, 5],
  opensAt: localtime('09:00'), closesAt: localtime('18:00'), availableFrom: date('2024-01-01'), availableTo: date('2030-12-31')})
CREATE (r2:Resource {uid: 'r2', name: '社区卫生义诊', category: 'medical', status: 'available',
  location: point({longitude: 104.015, latitude: 30.603}), weekdays: [6, 7]})
CREATE (r3:Resource {uid: 'r3', name: '第一人民医院专家义诊', category: 'medical', status: 'available',
  location: point({longitude: 104.055, latitude: 30.605}), availableFrom: date('2025-01-01'), availableTo: date('2030-12-31')})
CREATE (r4:Resource {uid: 'r4', name: '新苑科技志愿服务队', category: 'volunteer', status: 'available',
  location: point({longitude: 104.006, latitude: 30.616}), availableTo: date('2025-05-31')})
CREATE (r5:Resource {uid: 'r5', name: '社工法律咨询', category: 'legal', status: 'withdrawn',
  location: point({longitude: 104.004, latitude: 30.607})})
CREATE (r6:Resource {uid: 'r6', name: '佳灵餐饮文化活动', category: 'culture', status: 'available',
  location: point({longitude: 104.056, latitude: 30.606})})
CREATE (r7:Resource {uid: 'r7', name: '锦城大药房送药上门', category: 'elderly', status: 'available'})
CREATE (r8:Resource {uid: 'r8', name: '志愿者协会物资', category: 'equipment', status: 'available',
  location: point({longitude: 104.009, latitude: 30.604})})
CREATE (r9:Resource {uid: 'r9', name: '社工技能培训', category: 'training', status: 'available',
  location: point({longitude: 104.012, latitude: 30.606})})
CREATE (e1)-[:PROVIDES]->(r1), (pu1)-[:PROVIDES]->(r2), (pu2)-[:PROVIDES]->(r3), (e2)-[:PROVIDES]->(r4),
       (so1)-[:PROVIDES]->(r5), (e3)-[:PROVIDES]->(r6), (e4)-[:PROVIDES]->(r7), (so2)-[:PROVIDES]->(r8),
       (so1)-[:PROVIDES]->(r9)
CREATE (r1)-[:IN_GRID]->(g1), (r1)-[:IN_DIVISION]->(c1), (r2)-[:IN_GRID]->(g2), (r2)-[:IN_DIVISION]->(c1),
       (r3)-[:IN_GRID]->(g4), (r3)-[:IN_DIVISION]->(c3), (r4)-[:IN_GRID]->(g3), (r4)-[:IN_DIVISION]->(c2),
       (r5)-[:IN_GRID]->(g1), (r5)-[:IN_DIVISION]->(c1), (r6)-[:IN_GRID]->(g4), (r6)-[:IN_DIVISION]->(c3),
       (r7)-[:IN_DIVISION]->(c1), (r9)-[:IN_GRID]->(g2), (r9)-[:IN_DIVISION]->(c1)

// ---- needs (需求清单) and projects (项目清单) ----
CREATE (n1:Need {uid: 'n1', title: '老人上门义诊', category: 'medical', status: 'open', urgency: 3,
  publishedOn: date('2025-05-01'), neededBy: date('2025-07-01')})
CREATE (n2:Need {uid: 'n2', title: '党员活动场地', category: 'venue', status: 'open', urgency: 2, publishedOn: date('2025-05-02')})
CREATE (n3:Need {uid: 'n3', title: '夜间治安巡逻', category: 'safety', status: 'open', urgency: 1, publishedOn: date('2025-05-03')})
CREATE (n4:Need {uid: 'n4', title: '周末志愿清扫', category: 'volunteer', status: 'closed', urgency: 1,
  publishedOn: date('2025-01-10')})
CREATE (n1)-[:IN_GRID]->(g1), (n1)-[:IN_DIVISION]->(c1), (n2)-[:IN_DIVISION]->(c1), (n2)-[:RAISED_BY]->(pc1),
       (n3)-[:IN_GRID]->(g3), (n3)-[:IN_DIVISION]->(c2), (n4)-[:IN_GRID]->(g1), (n4)-[:IN_DIVISION]->(c1)
CREATE (pj1:Project {uid: 'pj1', name: '周末志愿清扫项目', status: 'accepted', startedOn: date('2025-01-15'),
  deliveredOn: date('2025-02-01'), acceptedOn: date('2025-02-10'), evaluation: '居民满意', rating: 5})
CREATE (pj1)-[:ADDRESSES]->(n4), (pj1)-[:USES]->(r4), (pj1)-[:LED_BY]->(e2), (pj1)-[:IN_GRID]->(g1), (pj1)-[:IN_DIVISION]->(c1)

// ---- party members: counts only ever leave the API ----
// statuses are derived (docs/members.md) and agree with the labels: m2's transfer was never received (pocket);
// m3 and m5 hold their relation in 佳灵 (pj) and have not checked in where they live (hidden); m4 flowing by label
CREATE (m1:PartyMember {uid: 'm1', status: 'normal', name: '党员甲', phone: '13900000001'})
CREATE (m2:PartyMember {uid: 'm2', status: 'pocket', name: '党员乙', phone: '13900000002',
  transferOutOn: date('2020-01-01')})
CREATE (m3:PartyMember {uid: 'm3', status: 'hidden', name: '党员丙', phone: '13900000003'})
CREATE (m4:PartyMember {uid: 'm4', status: 'flowing', name: '党员丁', phone: '13900000004'})
CREATE (m5:PartyMember {uid: 'm5', status: 'hidden', name: '党员戊', phone: '13900000005'})
CREATE (m1)-[:IN_GRID]->(g1), (m2)-[:IN_GRID]->(g1), (m3)-[:IN_GRID]->(g1), (m4)-[:IN_GRID]->(g3), (m5)-[:IN_GRID]->(g3),
       (m1)-[:IN_DIVISION]->(c1), (m2)-[:IN_DIVISION]->(c1), (m3)-[:IN_DIVISION]->(c1), (m4)-[:IN_DIVISION]->(c2),
       (m5)-[:IN_DIVISION]->(c2),
       (m1)-[:MEMBER_OF]->(pg1), (m2)-[:MEMBER_OF]->(pg1), (m3)-[:MEMBER_OF]->(pj), (m4)-[:MEMBER_OF]->(pg3),
       (m5)-[:MEMBER_OF]->(pj), (m1)-[:REPORTED_TO]->(c1)
