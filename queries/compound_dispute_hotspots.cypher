// name: compound_dispute_hotspots
// title: Compounds ranked by property work orders per 100 households (物业纠纷热点)
// description: Compounds IN_DIVISION the division or a division below it; property-category (category 'property')
// description: 12345 work orders of the compound (IN_COMPOUND, its uid in compoundUid) received in [since, until];
// description: rate = orders × 100 / households. Ranked by rate (compounds without a household count last), then
// description: orders, then uid; compounds with no such order are left out. The API puts each compound's five-step status beside it (queries/five_step.py).
// description: Cost: index entries of the period's property orders, whatever the division.
// params: divisionCode (str), since (date str or null), until (date str or null), limit (int)
// returns: compound, orders, per100Households
// example: :param divisionCode => '510107000000'
// example: :param since => null
// example: :param until => null
// example: :param limit => 10
MATCH (a:Division {code: $divisionCode})
// until: default today (Beijing); since: default the day after the same date a year before (the last 12 months)
WITH a, coalesce(date($until), date({timezone: 'Asia/Shanghai'})) AS until
WITH a, until, coalesce(date($since), until - duration({years: 1}) + duration({days: 1})) AS since
WITH since, until, COLLECT { MATCH (a)<-[:PART_OF*0..3]-(d:Division) RETURN d.code } AS codes
// the period's property orders counted per compound straight from the (category, receivedOn, compoundUid) index —
// no order is read from the store, no relationship walked per order; then only the compounds (a few thousand at
// most) are checked for lying in the division
MATCH (w:WorkOrder {category: 'property'})
WHERE w.receivedOn >= since AND w.receivedOn <= until AND w.compoundUid IS NOT NULL
WITH codes, w.compoundUid AS uid, count(*) AS orders
MATCH (c:Compound {uid: uid})
WHERE EXISTS { (c)-[:IN_DIVISION]->(d:Division) WHERE d.code IN codes }
WITH c, orders,
     CASE WHEN coalesce(c.households, 0) > 0 THEN round(orders * 100.0 / c.households, 2) END AS rate
ORDER BY rate IS NULL, rate DESC, orders DESC, c.uid
LIMIT $limit
RETURN c {.uid, .code, .name, .type, .typeRaw, .households, .buildings, .yearBuilt, .managementMode, .address, .placement,
     hasBranch: EXISTS { (c)<-[:LEADS]-(:PartyOrganization) },
     hasOwnersCommittee: EXISTS { (c)<-[:REPRESENTS]-(:OwnersCommittee) }} AS compound,
       orders, rate AS per100Households
