"""``gridlink demo generate`` through the real CLI app."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from gridlink.cli import app
from ingest.errors import InputError


def test_generate_writes_the_set_and_prints_the_table(tmp_path: Path) -> None:
    out = tmp_path / "set"
    result = CliRunner().invoke(app, ["demo", "generate", "--out", str(out), "--scale", "500", "--seed", "2"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["scale"], manifest["seed"], manifest["district"]) == (500, 2, "510107")
    assert "enterprises" in result.output and "gridlink demo load --dir" in result.output


def test_unknown_district_is_an_input_error_naming_the_valid_ones(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["demo", "generate", "--out", str(tmp_path), "--district", "999999"])
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError)
    assert "510107 武侯区" in (result.exception.hint or "")
