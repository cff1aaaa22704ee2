// name: indicator_history
// title: The stored monthly indicators of a division (gridlink report snapshot), oldest first
// description: The IndicatorSnapshot nodes of the division with month in [$fromMonth, $toMonth] (YYYY-MM; null: open).
// params: divisionCode (str), fromMonth (str or null), toMonth (str or null)
// returns: snapshot
// example: :param divisionCode => '510107005000'
// example: :param fromMonth => '2026-01'
// example: :param toMonth => null
MATCH (s:IndicatorSnapshot {divisionCode: $divisionCode})
WHERE ($fromMonth IS NULL OR s.month >= $fromMonth) AND ($toMonth IS NULL OR s.month <= $toMonth)
RETURN s {.*, code: s.divisionCode, name: [(s)-[:OF]->(d) | d.name][0], level: [(s)-[:OF]->(d) | d.level][0]}
       AS snapshot
ORDER BY s.month
