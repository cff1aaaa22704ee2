// name: ingest_run_running
// title: Earlier runs of the same kind and source still marked running on this host
// description: Candidates for `interrupted`: their recorded process is checked by the caller.
// params: kind (str), source (str), runId (str), host (str)
// returns: id, pid
MATCH (r:IngestRun {kind: $kind, source: $source, status: 'running'})
WHERE r.runId <> $runId AND r.hostname = $host AND r.pid IS NOT NULL
RETURN r.runId AS id, r.pid AS pid
