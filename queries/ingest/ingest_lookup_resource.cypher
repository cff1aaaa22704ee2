// name: ingest_lookup_resource
// title: Resources by id (references of a batch)
// description: The uid of each key that exists; keys without a match are left out.
// params: keys (list[str])
// returns: k, uid
UNWIND $keys AS k
MATCH (n:Resource {uid: k})
RETURN k, n.uid AS uid
