// name: compound_dispute_hotspots
// title: Compounds ranked by property work orders per 100 households (物业纠纷热点)
// description: Compounds IN_DIVISION the division or a division below it; property-category (category 'property')
// description: 12345 work orders IN_COMPOUND received in [since, until]; rate = orders × 100 / households. Ranked by
// description: rate (compounds without a household count last), then orders, then uid; compounds with no such
// description: order are left out. The API puts each compound's five-step status beside it (queries/five_step.py).
// params: divisionCode (str), since (date str), until (date str), limit (int)
// returns: compound, orders, per100Households
// example: :param divisionCode => '510107000000'
// example: :param since => '2024-07-01'
// example: :param until => '2025-06-30'
// example: :param limit => 10
MATCH (a:Division {code: $divisionCode})
MATCH (a)<-[:PART_OF*0..3]-(:Division)<-[:IN_DIVISION]-(c:Compound)
WITH c, date($since) AS since, date($until) AS until
WITH c, COUNT { (c)<-[:IN_COMPOUND]-(w:WorkOrder {category: 'property'})
                WHERE w.receivedOn >= since AND w.receivedOn <= until } AS orders
WHERE orders > 0
WITH c, orders,
     CASE WHEN coalesce(c.households, 0) > 0 THEN round(orders * 100.0 / c.households, 2) END AS rate
ORDER BY rate IS NULL, rate DESC, orders DESC, c.uid
LIMIT $limit
RETURN c {.uid, .code, .name, .type, .typeRaw, .households, .buildings, .yearBuilt, .managementMode, .address, .placement,
     hasBranch: EXISTS { (c)<-[:LEADS]-(:PartyOrganization) },
     hasOwnersCommittee: EXISTS { (c)<-[:REPRESENTS]-(:OwnersCommittee) }} AS compound,
       orders, rate AS per100Households
