// name: ingest_lookup_need
// title: Needs by id (references of a batch)
// description: The uid of each key that exists; keys without a match are left out.
// params: keys (list[str])
// returns: k, uid
UNWIND $keys AS k
MATCH (n:Need {uid: k})
RETURN k, n.uid AS uid
