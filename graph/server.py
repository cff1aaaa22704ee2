"""A real local Neo4j 5.26 Community server, provisioned from Maven Central jars (no tarball, no Docker).

Size: over 300 lines because provisioning, configuration, start/stop and the admin commands share the private
Java launcher and settings of one server; split, each part would import the others' privates.

How it works (verified on this project's machines, see docs/operator.md "Local Neo4j"):

1. ``provision()`` resolves ``org.neo4j:neo4j`` and ``org.neo4j.client:neo4j-browser`` with Maven into
   ``<cache_dir>/dist/neo4j-<version>/lib`` once; the Maven repository (~/.m2) is the download cache.
2. ``start()`` writes ``conf/neo4j.conf`` into the server home, sets the initial password before the first
   start (``Neo4jAdminCommand dbms set-initial-password``), then runs the bootloader
   ``org.neo4j.server.startup.Neo4jCommand start`` — the same class ``bin/neo4j`` runs — which daemonizes the
   server, writes ``run/neo4j.pid`` and honours ``server.memory.heap.*``.
3. It waits until Bolt answers with our credentials, or fails naming the log file. APOC core: :mod:`graph.plugins`.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import neo4j

from graph.errors import ServerError
from graph.plugins import conf_line, provision_plugins, started_without_plugins
from graph.settings import LocalServerSettings, get_neo4j_settings, get_server_settings

log = logging.getLogger(__name__)

_POM = """<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local.gridlink</groupId><artifactId>neo4j-runtime</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>{version}</version></dependency>
    <dependency><groupId>org.neo4j.client</groupId><artifactId>neo4j-browser</artifactId>
      <version>{browser}</version></dependency>
  </dependencies></project>
"""

@dataclass(frozen=True)
class ServerStatus:
    """What ``gridlink db status`` reports."""

    running: bool
    pid: int | None
    bolt_uri: str
    browser_url: str
    home: Path
    log_file: Path
    version: str | None


def dist_dir(s: LocalServerSettings) -> Path:
    """Folder of the provisioned jars for the configured versions."""
    return s.cache_dir / "dist" / f"neo4j-{s.version}-browser-{s.browser_version}"


def provision(s: LocalServerSettings | None = None, *, quiet: bool = False) -> Path:
    """Resolve the server and Browser jars with Maven, once.

    Args:
        s: server settings (default: from the environment).
        quiet: hide Maven's output.

    Returns:
        The ``lib`` folder holding the jars.

    Raises:
        ServerError: Maven or Java is missing, or the download failed.
    """
    s = s or get_server_settings()
    dist = dist_dir(s)
    lib = dist / "lib"
    if (dist / ".complete").exists():
        return lib
    for tool in ("mvn", "java"):
        if shutil.which(tool) is None:
            raise ServerError(
                f"'{tool}' was not found on PATH",
                hint="install Java 17+ and Maven (Debian: apt-get install openjdk-17-jre-headless maven), "
                "or point NEO4J_URI at an existing Neo4j 5.26 server",
            )
    dist.mkdir(parents=True, exist_ok=True)
    (dist / "pom.xml").write_text(_POM.format(version=s.version, browser=s.browser_version), encoding="utf-8")
    cmd = ["mvn", "-B", "-f", str(dist / "pom.xml"), "dependency:copy-dependencies",
           "-DincludeScope=runtime", f"-DoutputDirectory={lib}"]
    if quiet:
        cmd.insert(1, "-q")
    log.info("provisioning Neo4j %s with Browser %s into %s", s.version, s.browser_version, dist)
    proc = subprocess.run(cmd, capture_output=quiet, text=True, check=False)
    if proc.returncode != 0:
        tail = (proc.stdout or "")[-2000:] if quiet else ""
        raise ServerError(
            f"Maven could not resolve Neo4j {s.version}: exit {proc.returncode}\n{tail}",
            hint="check that Maven Central is reachable (mvn -v; ~/.m2/settings.xml mirrors) "
            "or set GRIDLINK_NEO4J_VERSION to a published 5.26.x",
        )
    (dist / ".complete").write_text(time.strftime("%Y-%m-%dT%H:%M:%S"), encoding="utf-8")
    return lib


def _conf_text(s: LocalServerSettings, extra_conf: Sequence[str]) -> str:
    lines = [
        "# written by gridlink db start; edit the GRIDLINK_NEO4J_* settings instead of this file",
        f"server.default_listen_address={s.listen_address}",
        f"server.default_advertised_address={s.listen_address}",
        f"server.bolt.listen_address=:{s.bolt_port}",
        f"server.http.listen_address=:{s.http_port}",
        "server.https.enabled=false",
        f"server.memory.heap.initial_size={s.heap}",
        f"server.memory.heap.max_size={s.heap}",
        f"server.memory.pagecache.size={s.pagecache}",
        "dbms.usage_report.enabled=false",
        # the default keeps 2 days of transaction logs: 5.4 GB after loading the 10^6 demo set on a laptop disk
        "db.tx_log.rotation.retention_policy=1G size",
        # logs are pruned only at a checkpoint, and Community checkpoints every 15 min (or 100k transactions):
        # the 10^6 load (500 s, ~2 batches/s) had written 15.5 GB of logs before its first one
        "db.checkpoint.interval.time=2m",
        "db.logs.query.enabled=INFO",
        "db.logs.query.threshold=500ms",
        "server.jvm.additional=-XX:+UseG1GC",
        "server.jvm.additional=-XX:-OmitStackTraceInFastThrow",
        "server.jvm.additional=-Djdk.nio.maxCachedBufferSize=1024",
        "server.jvm.additional=-Dio.netty.tryReflectionSetAccessible=true",
        "server.jvm.additional=--add-opens=java.base/java.nio=ALL-UNNAMED",
        "server.jvm.additional=--add-opens=java.base/java.io=ALL-UNNAMED",
        "server.jvm.additional=--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "server.jvm.additional=-Dlog4j2.disable.jmx=true",
    ]
    lines.extend(extra_conf)
    return "\n".join(lines) + "\n"


def _env(s: LocalServerSettings) -> dict[str, str]:
    home = s.server_home()
    env = dict(os.environ)
    env.update({"NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")})
    env.pop("JAVA_OPTS", None)  # would replace every computed JVM option, heap bounds included
    env.pop("HEAP_SIZE", None)
    return env


def _java(s: LocalServerSettings, main: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    lib = dist_dir(s) / "lib"
    cmd = ["java", "-cp", f"{lib}/*", main, *args]
    return subprocess.run(cmd, env=_env(s), capture_output=True, text=True, check=False, timeout=timeout)


def admin(*args: str, s: LocalServerSettings | None = None, timeout: float = 3600) -> subprocess.CompletedProcess[str]:
    """Run ``neo4j-admin ARGS`` (the bootloader class ``bin/neo4j-admin`` runs) on the local server's home and
    configuration, e.g. ``admin("database", "import", "full", ...)``; the server must be stopped for commands that
    write a database. Output is captured."""
    s = s or get_server_settings()
    provision(s, quiet=True)
    return _java(s, "org.neo4j.server.startup.Neo4jAdminCommand", *args, timeout=timeout)


def is_local(uri: str, s: LocalServerSettings | None = None) -> bool:
    """Whether the Bolt ``uri`` is this local server's (same port, a loopback or the listen address)."""
    from urllib.parse import urlsplit

    s = s or get_server_settings()
    parts = urlsplit(uri)
    return parts.port == s.bolt_port and parts.hostname in ("127.0.0.1", "localhost", s.listen_address)


def _pid(s: LocalServerSettings) -> int | None:
    pidfile = s.server_home() / "run" / "neo4j.pid"
    try:
        pid = int(pidfile.read_text().strip())
    except (OSError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except OSError:
        return None
    return pid


def port_in_use(host: str, port: int) -> bool:
    """Whether a program already listens on ``host:port`` (checked before a server is started on it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def bolt_uri(s: LocalServerSettings | None = None) -> str:
    """Bolt URI of the local server."""
    s = s or get_server_settings()
    return f"bolt://{s.listen_address}:{s.bolt_port}"


def _wait_for_bolt(s: LocalServerSettings, password: str, deadline: float) -> None:
    user = get_neo4j_settings().user
    last: Exception | None = None
    log_file = s.server_home() / "logs" / "neo4j.log"
    while time.monotonic() < deadline:
        if _pid(s) is None:
            raise ServerError(
                f"Neo4j exited during start-up; see {log_file}",
                hint="read the last lines of that log; a port in use or too little memory are the usual causes",
            )
        try:
            with neo4j.GraphDatabase.driver(bolt_uri(s), auth=(user, password), connection_timeout=2) as drv:
                drv.verify_connectivity()
            return
        except neo4j.exceptions.AuthError as e:
            raise ServerError(
                "Neo4j is up but refused our credentials",
                hint="the data folder was initialised with another password: set NEO4J_PASSWORD to it, "
                f"or delete {s.server_home() / 'data'} to start afresh (this deletes the graph)",
            ) from e
        except (neo4j.exceptions.ServiceUnavailable, OSError) as e:
            last = e
            time.sleep(0.5)
    raise ServerError(f"Bolt did not answer within {s.start_timeout_s:.0f}s ({last}); see {log_file}",
                      hint="raise GRIDLINK_NEO4J_START_TIMEOUT_S on a slow machine")


def start(s: LocalServerSettings | None = None, *, quiet: bool = False,
          extra_conf: Sequence[str] = (), keep_conf: bool = False) -> tuple[ServerStatus, bool]:
    """Provision (once) and start the local server, then wait until Bolt answers.

    Args:
        s: server settings (default: from the environment).
        quiet: hide Maven's output while provisioning.
        extra_conf: more ``neo4j.conf`` lines (``gridlink db start`` adds the Browser guide's, see
            :mod:`queries.browser.conf`); they apply when this call starts the server.
        keep_conf: start with the ``neo4j.conf`` the server last ran with (a restart that must not drop the
            lines another caller added); it is written afresh when there is none.

    Returns:
        The server status, and whether this call started it (False: it was already running).

    Raises:
        ServerError: provisioning failed, a port is taken by another process, or the server did not come up.
    """
    s = s or get_server_settings()
    password = get_neo4j_settings().password.get_secret_value()
    if _pid(s) is not None and not started_without_plugins(s):
        _wait_for_bolt(s, password, time.monotonic() + s.start_timeout_s)
        return status(s), False
    if _pid(s) is not None:  # started before gridlink shipped APOC: restart it with the plugin (once)
        log.info("restarting the local Neo4j to load the APOC plugin")
        stop(s)
    if len(password) < 8:
        raise ServerError("NEO4J_PASSWORD is shorter than 8 characters", hint="Neo4j 5 needs at least 8")
    for port in (s.bolt_port, s.http_port):
        if port_in_use(s.listen_address, port):
            raise ServerError(
                f"port {port} is already in use by another program",
                hint="stop that program, or choose other ports with GRIDLINK_NEO4J_BOLT_PORT / "
                "GRIDLINK_NEO4J_HTTP_PORT (and NEO4J_URI to match)",
            )
    lib = provision(s, quiet=quiet)
    provision_plugins(s, lib, quiet=quiet)
    home = s.server_home()
    for sub in ("conf", "data", "logs", "run", "plugins", "import"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    conf = home / "conf" / "neo4j.conf"
    if not (keep_conf and conf.is_file()):
        conf.write_text(_conf_text(s, [conf_line(s), *extra_conf]), encoding="utf-8")
    elif conf_line(s) not in conf.read_text(encoding="utf-8").splitlines():
        with conf.open("a", encoding="utf-8") as f:  # kept, but with this version's plugins
            f.write(conf_line(s) + "\n")
    if not (home / "data" / "dbms" / "auth.ini").exists() and not (home / "data" / "databases").exists():
        res = _java(s, "org.neo4j.server.startup.Neo4jAdminCommand", "dbms", "set-initial-password", password)
        if res.returncode != 0:
            raise ServerError(f"setting the initial password failed: {res.stderr[-1000:]}")
    res = _java(s, "org.neo4j.server.startup.Neo4jCommand", "start")
    if res.returncode != 0:
        raise ServerError(
            f"Neo4j did not start (exit {res.returncode}): {(res.stdout + res.stderr)[-1500:]}",
            hint=f"see {home / 'logs' / 'neo4j.log'}",
        )
    _wait_for_bolt(s, password, time.monotonic() + s.start_timeout_s)
    return status(s), True


def stop(s: LocalServerSettings | None = None) -> bool:
    """Stop the local server cleanly.

    Returns:
        True if a running server was stopped, False if none was running.

    Raises:
        ServerError: the server did not stop.
    """
    s = s or get_server_settings()
    if _pid(s) is None:
        return False
    res = _java(s, "org.neo4j.server.startup.Neo4jCommand", "stop")
    if res.returncode != 0 or _pid(s) is not None:
        raise ServerError(f"Neo4j did not stop: {(res.stdout + res.stderr)[-1000:]}")
    return True


def _version(s: LocalServerSettings) -> str | None:
    try:
        with urllib.request.urlopen(f"http://{s.listen_address}:{s.http_port}/", timeout=2) as resp:  # noqa: S310 - fixed local URL
            return str(json.load(resp).get("neo4j_version"))
    except (OSError, ValueError):
        return None


def status(s: LocalServerSettings | None = None) -> ServerStatus:
    """Report whether the local server runs, where, and which version."""
    s = s or get_server_settings()
    pid = _pid(s)
    return ServerStatus(
        running=pid is not None,
        pid=pid,
        bolt_uri=bolt_uri(s),
        browser_url=f"http://{s.listen_address}:{s.http_port}/browser/",
        home=s.server_home(),
        log_file=s.server_home() / "logs" / "neo4j.log",
        version=_version(s) if pid is not None else None,
    )
