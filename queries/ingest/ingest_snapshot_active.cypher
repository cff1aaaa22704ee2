// name: ingest_snapshot_active
// title: Active organizations of one kind and source (what a snapshot compares with)
// description: A snapshot is the full registry of one kind from one source: other kinds of the source are not in it.
// params: source (str), kind (str)
// returns: uid, name
MATCH (o:Organization {source: $source})
WHERE o.kind = $kind AND coalesce(o.active, true)
RETURN o.uid AS uid, o.nameNorm AS name
