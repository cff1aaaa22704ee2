// name: ingest_run_history
// title: Past ingest runs, newest first
// description: `gridlink ingest history`: counts, status and process (host:pid) of each run.
// params: limit (int)
// returns: runId, kind, source, status, rows, loaded, updated, unchanged, rejected, startedAt, report, process
MATCH (r:IngestRun)
RETURN r.runId AS runId, r.kind AS kind, r.source AS source, r.status AS status, r.rows AS rows,
       r.loaded AS loaded, r.updated AS updated, r.unchanged AS unchanged, r.rejected AS rejected,
       r.startedAt AS startedAt, r.reportPath AS report, r.hostname + ':' + toString(r.pid) AS process
ORDER BY r.startedAt DESC LIMIT $limit
