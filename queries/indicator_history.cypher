// name: indicator_history
// title: The stored monthly indicators of a division and the divisions directly below it, oldest month first
// description: The IndicatorSnapshot nodes (gridlink report snapshot) of the division and, with $withChildren, of
// description: each division directly below it, with month in [$fromMonth, $toMonth] (YYYY-MM; null: open). Ordered
// description: by month, then the division asked about first, then code.
// params: divisionCode (str), fromMonth (str or null), toMonth (str or null), withChildren (bool)
// returns: snapshot
// example: :param divisionCode => '510107005000'
// example: :param fromMonth => '2026-01'
// example: :param toMonth => null
// example: :param withChildren => true
MATCH (top:Division {code: $divisionCode})
UNWIND [top] + CASE WHEN $withChildren THEN [(top)<-[:PART_OF]-(c:Division) | c] ELSE [] END AS d
MATCH (s:IndicatorSnapshot)-[:OF]->(d)
WHERE ($fromMonth IS NULL OR s.month >= $fromMonth) AND ($toMonth IS NULL OR s.month <= $toMonth)
RETURN s {.*, code: d.code, name: d.name, level: d.level} AS snapshot
ORDER BY s.month, CASE WHEN d.code = $divisionCode THEN 0 ELSE 1 END, d.code
