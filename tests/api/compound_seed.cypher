// A hand-made graph below the grid (issue #12): every answer of tests/api/test_api_compounds.py is worked out by hand
// from this map. Street S1 510107005000 has communities A 510107005001 (grids GA1, GA2) and B 510107005002;
// street S2 510107006000 has community Z 510107006001. Period: 2025-07-01 .. 2026-06-30 (asOf 2026-06-30).
//   K1 锦城花园 commodity, 400 households, A/GA1 (a grid branch leads GA1), managed by company E1; one open need.
//      Residents, status DERIVED on 2026-06-30 (docs/members.md) against the imported label in brackets: m1 normal
//      (normal), m7 normal (label pocket: checked in to A, no transfer), m2 hidden (label normal: relation in Z's
//      branch, not checked in to A), m3 hidden (hidden), m8 pocket (label normal: transfer issued 2025-01-01, never
//      received) -> derived 2 normal, 1 pocket, 2 hidden (the labels would say 3 normal, 1 pocket, 1 hidden).
//      Property orders: 12 in the period (+2 before it), 3 noise  -> 3.0 per 100.
//   K2 玉林老院 old_courtyard, 50 households, 无物业, A/GA2: nothing at all. Property orders: 3 -> 6.0 per 100.
//   K3 芳草苑 commodity, 200 households, A/GA2; a 小区党支部 leads it, a committee (7 members, 2 party members)
//      represents it, E1 manages it; 3 normal residents; a culture need whose project was delivered 2026-05-01 using R1.
//      Property orders: 4 -> 2.0 per 100.
//   K4 桐梓林 unit_compound, households unknown, B: property orders 5 -> rate null (ranked last). A joint-mechanism
//      agreement (三方联动协议, 2025-01-01..2027-12-31) covers it: 优机制 done on 2026-06-30, missing on 2028-06-30;
//      a co-construction agreement covering it does not count.
//   K5 佳灵苑 commodity, 100 households, Z (other street): property orders 10 -> not in S1's ranking. E1's project
//      there has 12 staff, 2 of them party members (交叉任职): 优机制 partial (no branch, no committee).
CREATE (d:Division {code: '510107000000', name: '武侯区', level: 'district'})
CREATE (s1:Division {code: '510107005000', name: '簇桥街道', level: 'street'})-[:PART_OF]->(d)
CREATE (s2:Division {code: '510107006000', name: '红牌楼街道', level: 'street'})-[:PART_OF]->(d)
CREATE (a:Division {code: '510107005001', name: '锦城社区', level: 'community'})-[:PART_OF]->(s1)
CREATE (b:Division {code: '510107005002', name: '新苑社区', level: 'community'})-[:PART_OF]->(s1)
CREATE (z:Division {code: '510107006001', name: '佳灵社区', level: 'community'})-[:PART_OF]->(s2)
CREATE (ga1:Grid {uid: 'LOCAL:510107005001001', scheme: 'LOCAL', code: '510107005001001', name: '锦城一网格',
  communityCode: '510107005001'})-[:PART_OF]->(a)
CREATE (ga2:Grid {uid: 'LOCAL:510107005001002', scheme: 'LOCAL', code: '510107005001002', name: '锦城二网格',
  communityCode: '510107005001'})-[:PART_OF]->(a)
CREATE (gb:Organization:PartyOrganization {uid: 'n:gridbranch', kind: 'party_org', name: '锦城一网格党支部',
  category: '党支部'})-[:LEADS]->(ga1)
CREATE (e1:Organization:Enterprise {uid: '91350100M000100Y43', uscc: '91350100M000100Y43', kind: 'enterprise',
  name: '锦城物业有限公司', status: 'ACTIVE'})
CREATE (k1:Compound {uid: 'c:k1', name: '锦城花园', type: 'commodity', typeRaw: '商品房小区', households: 400,
  managementMode: 'company', communityCode: '510107005001'})-[:IN_DIVISION]->(a)
CREATE (k1)-[:IN_GRID]->(ga1), (e1)-[:MANAGES {mode: 'company', since: date('2020-01-01')}]->(k1)
// resourcesForCompound: K1 lies at (104.05, 30.62), GA1's centroid at (104.06, 30.63), about 1.45 km apart. R2 (a
// venue) stands at K1, R3 (a venue) at the centroid, both IN_GRID GA1: from the grid R3 is the nearer, from K1 R2.
SET k1.location = point({longitude: 104.05, latitude: 30.62}),
    k1.boundary = '{"type":"Polygon","coordinates":[[[104.049,30.619],[104.051,30.619],[104.051,30.621],[104.049,30.621],[104.049,30.619]]]}',
    ga1.centroid = point({longitude: 104.06, latitude: 30.63})
CREATE (r2:Resource {uid: 'R2', name: '锦城花园活动室', category: 'venue', status: 'available',
  location: point({longitude: 104.0505, latitude: 30.62})})-[:IN_GRID]->(ga1)
CREATE (r3:Resource {uid: 'R3', name: '网格党群服务站', category: 'venue', status: 'available',
  location: point({longitude: 104.06, latitude: 30.63})})-[:IN_GRID]->(ga1)
CREATE (k2:Compound {uid: 'XQ-002', code: 'XQ-002', name: '玉林老院', type: 'old_courtyard', typeRaw: '老旧院落',
  households: 50, managementMode: 'none', communityCode: '510107005001'})-[:IN_DIVISION]->(a)
CREATE (k2)-[:IN_GRID]->(ga2)
CREATE (k3:Compound {uid: 'c:k3', name: '芳草苑', type: 'commodity', households: 200, managementMode: 'company',
  communityCode: '510107005001'})-[:IN_DIVISION]->(a)
CREATE (k3)-[:IN_GRID]->(ga2), (e1)-[:MANAGES {mode: 'company'}]->(k3)
CREATE (:Organization:PartyOrganization {uid: 'n:k3branch', kind: 'party_org', name: '中共芳草苑小区支部委员会',
  category: '党支部'})-[:LEADS]->(k3)
CREATE (:Organization:OwnersCommittee {uid: 'n:k3oc', kind: 'owners_committee', name: '芳草苑业主委员会',
  committeeType: 'owners_committee', memberCount: 7, partyMemberCount: 2})-[:REPRESENTS {termStart: date('2024-01-01'),
  termEnd: date('2028-12-31')}]->(k3)
CREATE (k4:Compound {uid: 'c:k4', name: '桐梓林', type: 'unit_compound', managementMode: 'unit',
  communityCode: '510107005002'})-[:IN_DIVISION]->(b)
CREATE (k5:Compound {uid: 'c:k5', name: '佳灵苑', type: 'commodity', households: 100, managementMode: 'company',
  communityCode: '510107006001'})-[:IN_DIVISION]->(z)
CREATE (e1)-[:MANAGES {mode: 'company', since: date('2024-01-01'), until: date('2026-12-31'), staffCount: 12,
  partyMemberCount: 2, contractNo: 'HT-2024-001', rowHash: 'x'}]->(k5)
CREATE (zb:Organization:PartyOrganization {uid: 'n:zbranch', kind: 'party_org', name: '佳灵社区第一党支部',
  category: '党支部'})-[:IN_DIVISION]->(z)
CREATE (jm:Agreement {uid: 'AG-JM', title: '桐梓林三方联动协议', type: 'joint_mechanism',
  signedOn: date('2025-01-01'), validTo: date('2027-12-31')})-[:COVERS]->(k4)
CREATE (:Agreement {uid: 'AG-CC', title: '桐梓林共建协议', type: 'co_construction'})-[:COVERS]->(k4)
// residents
CREATE (m1:PartyMember {uid: 'm1', status: 'normal'})-[:RESIDES_IN]->(k1), (m1)-[:IN_DIVISION]->(a)
CREATE (m2:PartyMember {uid: 'm2', status: 'normal'})-[:RESIDES_IN]->(k1), (m2)-[:IN_DIVISION]->(a),
  (m2)-[:MEMBER_OF]->(zb)
CREATE (m3:PartyMember {uid: 'm3', status: 'hidden'})-[:RESIDES_IN]->(k1), (m3)-[:IN_DIVISION]->(a),
  (m3)-[:MEMBER_OF]->(zb)
CREATE (m7:PartyMember {uid: 'm7', status: 'pocket'})-[:RESIDES_IN]->(k1), (m7)-[:IN_DIVISION]->(a),
  (m7)-[:MEMBER_OF]->(zb), (m7)-[:REPORTED_TO]->(a)
CREATE (m8:PartyMember {uid: 'm8', status: 'normal', transferOutOn: date('2025-01-01')})-[:RESIDES_IN]->(k1),
  (m8)-[:IN_DIVISION]->(a)
CREATE (:PartyMember {uid: 'm4', status: 'normal'})-[:RESIDES_IN]->(k3)
CREATE (:PartyMember {uid: 'm5', status: 'normal'})-[:RESIDES_IN]->(k3)
CREATE (:PartyMember {uid: 'm6', status: 'normal'})-[:RESIDES_IN]->(k3)
// needs, projects, resources
CREATE (:Need {uid: 'N1', title: '楼道堆物清理', category: 'environment', status: 'open'})-[:IN_COMPOUND]->(k1)
CREATE (n3:Need {uid: 'N3', title: '中秋邻里文艺汇演', category: 'culture', status: 'closed'})-[:IN_COMPOUND]->(k3)
CREATE (r1:Resource {uid: 'R1', name: '社区活动室', category: 'venue', status: 'available'})
CREATE (:Project {uid: 'P3', name: '芳草苑中秋晚会', status: 'accepted', deliveredOn: date('2026-05-01')})-[:ADDRESSES]->(n3)
WITH k1, k2, k3, k4, k5, r1
MATCH (p:Project {uid: 'P3'})
CREATE (p)-[:USES]->(r1)
// work orders: (compound, category, count, first day); days step by one from the first
WITH k1, k2, k3, k4, k5
UNWIND [[k1, 'property', 12, '2025-08-01'], [k1, 'property', 2, '2025-05-01'], [k1, 'noise', 3, '2025-09-01'],
        [k2, 'property', 3, '2026-01-10'], [k3, 'property', 4, '2026-06-27'], [k4, 'property', 5, '2025-07-01'],
        [k5, 'property', 10, '2025-10-01']] AS spec
UNWIND range(0, spec[2] - 1) AS i
WITH spec[0] AS k, spec[1] AS category, date(spec[3]) + duration({days: i}) AS day, i
CREATE (w:WorkOrder {uid: k.uid + '-' + category + '-' + toString(day), category: category, receivedOn: day,
  compoundUid: k.uid})
CREATE (w)-[:IN_COMPOUND]->(k)
// one order of K1 keeps its complaint text (masked at ingest): planners read it, readers get null
WITH count(*) AS done
MATCH (w:WorkOrder {uid: 'c:k1-property-2025-08-12'})
SET w.content = '***反映物业不作为，电话***********', w.handlingUnit = '锦城社区居委会', w.status = 'closed'
