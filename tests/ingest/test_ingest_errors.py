"""Ingest error paths through the real ``gridlink`` entry point: exit code 1, the message and the hint the user
reads, and never a traceback (issue #11.21: these were asserted as ``exit_code != 0`` only)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import neo4j
import pytest
from ingest_fixtures import ENT_HEADER, enterprise_rows

pytestmark = pytest.mark.neo4j


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from gridlink.cli import main; main()", *args],
                          capture_output=True, text=True, check=False, timeout=300)


def test_ingest_errors_name_the_problem_and_the_fix(places_graph: neo4j.Driver, tmp_path: Path,
                                                    csv_writer: Callable[..., Path]) -> None:
    good = csv_writer("ent.csv", ENT_HEADER, enterprise_rows())
    no_name = csv_writer("noname.csv", [h for h in ENT_HEADER if h != "企业名称"], [["x"] * 10])
    mapping = tmp_path / "m.yaml"
    mapping.write_text("colums: {name: 名称}\n", encoding="utf-8")
    cases = [
        (["enterprises", str(tmp_path / "missing.csv")], "file not found", "check the path"),
        (["companies", str(good)], "unknown kind 'companies'",
         "kinds: divisions (区划/行政区划), grids (网格), enterprises"),
        (["enterprises", str(no_name)], "noname.csv: required column missing for enterprises (name: 企业名称",
         "--mapping"),
        (["enterprises", str(good), "--mapping", str(mapping)], "m.yaml: unknown keys ['colums']",
         "allowed keys"),
        (["resources", str(good), "--snapshot"], "--snapshot applies to organization kinds, not resources",
         "enterprises, party-orgs, public-units, social-orgs"),
        (["enterprises", str(good), "--snapshot", "--limit", "3"], "--snapshot with --limit", "drop --limit"),
        (["enterprises", str(good), "--crs", "bd09"], "--crs: Input should be 'wgs84' or 'gcj02'",
         "Coordinate system"),
        (["enterprises", str(good), "--batch-size", "0"], "--batch-size: Input should be greater than or equal to 1",
         "Rows per write transaction"),
        (["enterprises", str(good), "--format", "xls"], "--format: Input should be", "csv | xlsx | jsonl"),
    ]
    for args, message, hint in cases:
        res = cli("ingest", *args, "--report", str(tmp_path / "r.jsonl"))
        err = " ".join(res.stderr.split())  # rich wraps long lines
        assert res.returncode == 1, (args, res.stderr)
        assert "Traceback" not in res.stderr, (args, res.stderr)
        assert f"error: {message}" in err, (args, err)
        assert "how to fix:" in err and hint in err.split("how to fix:", 1)[1], (args, err)
