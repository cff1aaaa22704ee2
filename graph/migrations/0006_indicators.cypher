// gridlink schema version 6: monthly indicator snapshots (issue #13 part 3) — one per division and month, so a
// re-run of `gridlink report snapshot` for a month MERGEs on an index instead of scanning every snapshot.
CREATE CONSTRAINT indicator_snapshot_key IF NOT EXISTS FOR (s:IndicatorSnapshot) REQUIRE s.key IS UNIQUE;
