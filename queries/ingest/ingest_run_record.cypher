// name: ingest_run_record
// title: Record an ingest run
// description: Create or update the run's IngestRun node with its status and counts (at the start: running; at the
// description: end: completed or failed).
// params: runId (str), props (map)
// returns:
MERGE (r:IngestRun {runId: $runId}) SET r += $props
