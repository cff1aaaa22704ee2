// name: compound_work_orders
// title: The 12345 work orders of a compound, newest first (the complaint text for planners only)
// description: Work orders IN_COMPOUND the compound, optionally of one category and received in [since, until],
// description: newest first (received date, then uid), at most limit. The complaint text (content, stored with
// description: phone and ID numbers and the caller's own name and phone masked) only when personal is true: the
// description: API passes it for planners and admins. No caller name or phone is in the graph at all.
// params: uid (str), category (str or null), since (date str or null), until (date str or null), limit (int),
// params: personal (bool)
// returns: compound, total, orders
// example: :param uid => 'XQ51010700100400102'
// example: :param category => 'property'
// example: :param since => null
// example: :param until => null
// example: :param limit => 20
// example: :param personal => false
MATCH (c:Compound {uid: $uid})
CALL (c) {
  MATCH (c)<-[:IN_COMPOUND]-(w:WorkOrder)
  WHERE ($category IS NULL OR w.category = $category)
    AND ($since IS NULL OR w.receivedOn >= date($since))
    AND ($until IS NULL OR w.receivedOn <= date($until))
  WITH w ORDER BY w.receivedOn DESC, w.uid DESC
  RETURN count(w) AS total, collect(w)[0..$limit] AS newest
}
RETURN c {.uid, .name} AS compound, total,
       [w IN newest | w {.uid, .receivedOn, .closedOn, .category, .categoryRaw, .status, .satisfaction,
                         .handlingUnit, .placement, content: CASE WHEN $personal THEN w.content END}] AS orders
