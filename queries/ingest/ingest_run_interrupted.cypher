// name: ingest_run_interrupted
// title: Mark runs whose process is gone as interrupted
// description: A run killed mid-way never records its end; the next run of its kind and source marks it.
// params: ids (list[str]), now (datetime), runId (str)
// returns:
UNWIND $ids AS id
MATCH (r:IngestRun {runId: id}) WHERE r.status = 'running'
SET r.status = 'interrupted', r.interruptedAt = $now, r.interruptedSeenBy = $runId
