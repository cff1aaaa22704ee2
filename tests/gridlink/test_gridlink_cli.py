"""The ``gridlink`` root: the ``db`` group, ``up`` and the Browser settings it gives the local server."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from gridlink.cli import app


@pytest.mark.neo4j
def test_start_on_running_server_says_so_and_succeeds(neo4j_server: str) -> None:
    result = CliRunner().invoke(app, ["db", "start"])
    assert result.exit_code == 0, result.output
    assert "already running" in result.output


def test_browser_conf_points_the_browser_at_the_configured_api(monkeypatch: pytest.MonkeyPatch) -> None:
    from api.settings import reset_api_settings
    from gridlink.cli import browser_conf

    monkeypatch.setenv("GRIDLINK_API_HOST", "0.0.0.0")  # noqa: S104 - a setting value, nothing binds
    monkeypatch.setenv("GRIDLINK_API_PORT", "8123")
    reset_api_settings()
    try:
        lines = dict(line.split("=", 1) for line in browser_conf())
    finally:
        monkeypatch.undo()
        reset_api_settings()
    assert lines == {
        "browser.remote_content_hostname_whitelist": "127.0.0.1,localhost,guides.neo4j.com",
        "browser.post_connect_cmd": "config maxFrames: 50; play http://127.0.0.1:8123/guide/gridlink.html; "
                                    "style http://127.0.0.1:8123/guide/gridlink.grass",
    }


def test_up_refuses_a_taken_api_port_before_any_set_up(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from api.settings import reset_api_settings

    started: list[bool] = []
    monkeypatch.setattr("gridlink.cli.db_start", lambda: started.append(True))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        monkeypatch.setenv("GRIDLINK_API_PORT", str(port))
        reset_api_settings()
        try:
            result = CliRunner().invoke(app, ["up"])
        finally:
            monkeypatch.delenv("GRIDLINK_API_PORT")
            reset_api_settings()
    assert started == []  # neither Neo4j nor the demo load was started for nothing
    assert isinstance(result.exception, Exception) and f"127.0.0.1:{port}" in str(result.exception)
    assert f"GRIDLINK_API_PORT={port + 1}" in (getattr(result.exception, "hint", None) or "")
