// name: indicator_snapshot_store
// title: Store the indicators of divisions for a month (gridlink report snapshot)
// description: One IndicatorSnapshot per division and month (key = code|month), OF its division; a re-run for the
// description: same month overwrites the values (idempotent; a value now null is removed). Member counts are stored raw; the API suppresses
// description: small ones for readers when it reads them back.
// params: month (str), asOf (str), rows (list[dict])
// returns: stored
// example: :param month => '2026-11'
// example: :param asOf => '2026-11-30'
// example: :param rows => []
UNWIND $rows AS r
MATCH (d:Division {code: r.code})
MERGE (s:IndicatorSnapshot {key: r.code + '|' + $month})
SET s += r {.needsOpen, .needsPastDue, .needsUnclaimed, .needsNoCandidate, .medianClaimToDeliveryDays, .ratingMean,
            .ratingCount, .grids, .gridsWithBranch, .compounds, .compoundsWithBranch, .residentUnits,
            .residentUnitsActive, .households, .propertyWorkOrders, .members, .hiddenPocket, .checkedIn,
            .urbanRural, .communityType},
    s.divisionCode = r.code, s.month = $month, s.asOf = date($asOf)
MERGE (s)-[:OF]->(d)
RETURN count(s) AS stored
