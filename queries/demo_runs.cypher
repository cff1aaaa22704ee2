// name: demo_runs
// title: Kinds loaded by completed runs of a source
// description: The distinct kinds of the completed ingest runs of one source; `gridlink up` loads the demo set only when some kind is missing.
// params: source (str)
// returns: kinds
// example: :param source => 'demo'
MATCH (r:IngestRun {source: $source, status: 'completed'})
RETURN collect(DISTINCT r.kind) AS kinds
