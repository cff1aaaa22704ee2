"""The peer of issue #15 as a process: @neo4j/graphql on @apollo/server (Node 20), installed from npm into a cache
outside the repository and started read-only over the graph gridlink's settings point at.

The Node side is ``gridlink/bench/peer/``: ``package.json`` with exact versions, its ``package-lock.json``, the
type definitions (``typeDefs.graphql``: ``@node`` types and ``@relationship`` fields over gridlink's labels) and
``server.js``. :func:`install` copies them to ``~/.cache/gridlink/peer/<hash of the lockfile>`` and runs ``npm ci``
there once; the typeDefs and server are copied again on every start, so editing them needs no new install.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from gridlink.bench.common import free_port, stop, wait_ready

PEER_DIR = Path(__file__).with_name("peer")
CACHE = Path(os.environ.get("GRIDLINK_PEER_CACHE", Path.home() / ".cache" / "gridlink" / "peer"))
#: the Node major version the peer is measured on (``engines`` of @neo4j/graphql 7 asks for >= 20)
NODE_MAJOR = 20


class PeerUnavailable(RuntimeError):
    """Node or npm is missing, too old, or the install failed (the message says which and how to fix it)."""


def missing_tools() -> list[str]:
    """What the peer needs and this machine lacks (empty when node >= 20 and npm are on PATH)."""
    missing = [f"{tool} (apt-get install -y nodejs npm)" for tool in ("node", "npm") if not shutil.which(tool)]
    if not missing:
        out = subprocess.run(["node", "--version"], capture_output=True, text=True, check=False).stdout.strip()
        try:
            major = int(out.lstrip("v").split(".")[0])
        except ValueError:
            major = 0
        if major < NODE_MAJOR:
            missing.append(f"node >= {NODE_MAJOR} (found {out or 'no version'})")
    return missing


def install_dir() -> Path:
    """The cache folder of this lockfile (a new lockfile gets a new folder: old installs are never reused)."""
    digest = hashlib.sha256((PEER_DIR / "package-lock.json").read_bytes()).hexdigest()[:16]
    return CACHE / digest


def install() -> Path:
    """Install the pinned packages with ``npm ci`` (once per lockfile) and return the folder holding them."""
    missing = missing_tools()
    if missing:
        raise PeerUnavailable("the peer needs " + ", ".join(missing))
    target = install_dir()
    done = target / ".installed"
    if not done.exists():
        target.mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(PEER_DIR / name, target / name)
        r = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=target,
                           capture_output=True, text=True, check=False, timeout=900)
        if r.returncode != 0:
            raise PeerUnavailable(f"npm ci failed in {target}: {(r.stderr or r.stdout)[-800:]}")
        done.write_text("ok\n")
    for name in ("typeDefs.graphql", "server.js"):
        shutil.copyfile(PEER_DIR / name, target / name)
    return target


@contextmanager
def serve_peer(port: int | None = None) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Install if needed and run the peer over the configured Neo4j; yields (its GraphQL URL, the process)."""
    from graph.driver import database
    from graph.settings import get_neo4j_settings

    folder = install()
    port = port or free_port()
    s = get_neo4j_settings()
    env = {**os.environ, "NEO4J_URI": s.uri, "NEO4J_USER": s.user, "NEO4J_PASSWORD": s.password.get_secret_value(),
           "NEO4J_DATABASE": database(), "PEER_PORT": str(port), "NODE_ENV": "production"}
    proc = subprocess.Popen(["node", "server.js"], cwd=folder, env=env, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        if not wait_ready(proc, lambda: httpx.post(url, json={"query": "{ __typename }"}, timeout=2).status_code == 200,
                          60):
            raise PeerUnavailable(f"the peer did not answer on {url} within 60 s (exit code {proc.poll()})")
        yield url, proc
    finally:
        stop(proc)
