"""The committed SDL (api/schema.graphql) is what the code builds."""

from __future__ import annotations

from typer.testing import CliRunner

from api.schema import SDL_PATH, build_schema
from api.settings import ApiSettings


def test_committed_sdl_matches_code():
    assert SDL_PATH.read_text(encoding="utf-8") == str(build_schema(ApiSettings())) + "\n", (
        "api/schema.graphql is stale: run `gridlink api-schema` and commit it")


def test_cli_check_passes_on_current_file():
    from gridlink.cli import app

    result = CliRunner().invoke(app, ["api-schema", "--check"])
    assert result.exit_code == 0, result.output
    assert "is current" in result.output
