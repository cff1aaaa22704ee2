"""Neo4j Browser settings of the local server: play the gridlink guide and apply its style after connecting.

``gridlink db start`` (see :mod:`gridlink.cli`) passes these lines to :func:`graph.server.start`, which writes them
into ``neo4j.conf``:

* ``browser.remote_content_hostname_whitelist``: Browser only fetches ``:play``/``:style`` URLs from listed hosts
  (it compares the host name, not the port). Neo4j 5.26 still declares the old "whitelist" name and its strict
  config validation refuses ``..._allowlist``; Browser 5.24 reads the same "whitelist" key from the server;
* ``browser.post_connect_cmd``: Browser splits it on ``;`` and runs each part as a ``:`` command after connecting.

The guide and the style are served by the API (``gridlink serve`` or ``gridlink up``) at ``/guide/...`` (the routes
are :mod:`queries.browser.routes`); when the API is down the Browser shows a "Remote guide error" frame and works
as usual otherwise.
"""

from __future__ import annotations

from queries.browser.routes import GUIDE_FILE, GUIDE_PATH, STYLE_FILE


def guide_base_url(api_host: str, api_port: int) -> str:
    """Where the API listening on ``api_host:api_port`` serves the guide, as the Browser (on this machine) must
    call it."""
    host = "127.0.0.1" if api_host in ("0.0.0.0", "::", "") else api_host  # noqa: S104 - comparing, not binding
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{api_port}{GUIDE_PATH}"


def browser_conf_lines(api_host: str, api_port: int) -> list[str]:
    """The ``browser.*`` lines for ``neo4j.conf`` when the API listens on ``api_host:api_port``."""
    base = guide_base_url(api_host, api_port)
    host = base.split("//", 1)[1].rsplit(":", 1)[0].strip("[]")
    allow = ",".join(dict.fromkeys([host, "127.0.0.1", "localhost", "guides.neo4j.com"]))
    return [
        f"browser.remote_content_hostname_whitelist={allow}",
        # maxFrames first: Browser's default of 15 frames would push the guide out after a few queries
        f"browser.post_connect_cmd=config maxFrames: 50; play {base}/{GUIDE_FILE}; style {base}/{STYLE_FILE}",
    ]
