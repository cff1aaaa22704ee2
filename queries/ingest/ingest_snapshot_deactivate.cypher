// name: ingest_snapshot_deactivate
// title: Deactivate organizations missing from a snapshot
// description: Never deleted: active = false and inactiveSince = the run's date.
// params: uids (list[str]), today (date), runId (str), now (datetime)
// returns:
UNWIND $uids AS u
MATCH (o:Organization {uid: u})
SET o.active = false, o.inactiveSince = $today, o.runId = $runId, o.updatedAt = $now
