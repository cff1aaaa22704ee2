"""Measurement scripts, run as ``python -m gridlink.bench.<name>`` (none is a pytest test; docs/benchmarks.md).

* ``ingest_speed``: gridlink's ingest against a plain ``LOAD CSV`` + ``MERGE`` script on the same server.
* ``api_overhead``: ``resourcesForGrid`` through the API against the same named query through the driver.
* ``scale_run``: generate, load and measure a 10^6-organization set (every named query, the API).
* ``load_test``: concurrent clients against ``gridlink serve`` while the local Neo4j is stopped and started.
* ``kill9_trials``: ``kill -9`` a demo load mid-way, re-run it, compare the canonical graph hash with a clean run.
* ``fuzz_long_run``: the ``tests/fuzz`` suite round after round with random seeds.
* ``check_browser``: headless Chromium through the Neo4j Browser guide.
* ``dos_shapes``: the DoS shapes of issue #11 against a served API: refusal latency, a small query meanwhile.
* ``schema_fuzz``: the schema fuzz per role (``tests/fuzz/test_fuzz_schema_roles.py``) with thousands of cases.
* ``transform_huge_cells``: the ingest transform on a row of 1 MB cells.

``common`` and ``graph_hash`` (the canonical graph hash, which the ingest tests use too) are their shared helpers.
"""
