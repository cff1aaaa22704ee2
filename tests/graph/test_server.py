"""The local server: status, start, the Browser it serves."""

import pytest

from graph import server


@pytest.mark.neo4j
def test_status_reports_running_server(neo4j_server: str) -> None:
    st = server.status()
    assert st.running and st.pid
    assert st.version and st.version.startswith("5.26.")
    assert st.bolt_uri == neo4j_server
    assert st.log_file.name == "neo4j.log" and st.log_file.exists()


@pytest.mark.neo4j
def test_browser_is_served(neo4j_server: str) -> None:
    import urllib.request

    st = server.status()
    with urllib.request.urlopen(st.browser_url, timeout=5) as resp:  # noqa: S310
        body = resp.read().decode()
    assert resp.status == 200 and "Neo4j Browser" in body


def test_start_fails_clearly_when_port_is_taken(tmp_path, monkeypatch) -> None:
    import socket

    from graph.errors import ServerError
    from graph.settings import LocalServerSettings

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        s = LocalServerSettings(home=tmp_path, bolt_port=port, http_port=port + 1 if port < 65000 else port - 1)
        with pytest.raises(ServerError) as err:
            server.start(s)
    assert f"port {port} is already in use" in str(err.value)
    assert "GRIDLINK_NEO4J_BOLT_PORT" in (err.value.hint or "")
