"""The APOC core plugin of the local server: resolved from Maven Central once, like the server's own jars.

Why APOC: the guide draws a grid's ranked resources as a graph with the score ON the relationship between grid and
resource (queries/resources_for_grid_graph.cypher). The ranking is computed at query time; writing it into the
graph as real relationships would leave stale scores behind as resources, agreements and needs change.
``apoc.create.vRelationship`` makes a virtual relationship that exists only in the result, which Neo4j Browser
draws like any other. APOC core is the plugin Neo4j ships with its own image (``NEO4J_PLUGINS='["apoc"]'`` in
docker-compose.yml copies it from the image, no download).

How: ``org.neo4j.procedure:apoc-core`` and ``apoc-common`` (the ``core`` classifier, a single shaded jar, is not
published for recent 5.26.x) with their runtime dependencies are copied into ``<cache>/dist/apoc-<version>/plugins``;
jars the server already ships (commons-lang3, commons-text, asm, slf4j-api) are removed there, because the plugin
class loader would otherwise pick the older copies APOC was built with (APOC then fails on a missing
``ObjectUtils.getIfNull``). The server's ``server.directories.plugins`` points at that folder.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import time
from pathlib import Path

from graph.errors import ServerError
from graph.settings import LocalServerSettings

log = logging.getLogger(__name__)

_POM = """<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local.gridlink</groupId><artifactId>neo4j-plugins</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j.procedure</groupId><artifactId>apoc-core</artifactId>
      <version>{version}</version></dependency>
    <dependency><groupId>org.neo4j.procedure</groupId><artifactId>apoc-common</artifactId>
      <version>{version}</version></dependency>
  </dependencies></project>
"""
_ARTIFACT = re.compile(r"^(.+?)-\d[\w.]*\.jar$")


def plugins_dir(s: LocalServerSettings) -> Path:
    """Folder of the plugin jars for the configured APOC version (``server.directories.plugins``)."""
    return s.cache_dir / "dist" / f"apoc-{s.apoc_version}" / "plugins"


def artifact_id(jar: str) -> str:
    """``commons-lang3-3.12.0.jar`` → ``commons-lang3``."""
    m = _ARTIFACT.match(jar)
    return m.group(1) if m else jar


def provision_plugins(s: LocalServerSettings, server_lib: Path, *, quiet: bool = False) -> Path:
    """Resolve APOC core with Maven into :func:`plugins_dir`, once; drop the jars the server ships itself.

    Raises:
        ServerError: Maven failed (offline, or the version is not published).
    """
    plugins = plugins_dir(s)
    done = plugins.parent / ".complete"
    if done.exists():
        return plugins
    if plugins.exists():
        shutil.rmtree(plugins)
    plugins.mkdir(parents=True)
    pom = plugins.parent / "pom.xml"
    pom.write_text(_POM.format(version=s.apoc_version), encoding="utf-8")
    cmd = ["mvn", "-B", "-f", str(pom), "dependency:copy-dependencies", "-DincludeScope=runtime",
           f"-DoutputDirectory={plugins}"]
    if quiet:
        cmd.insert(1, "-q")
    log.info("provisioning APOC core %s into %s", s.apoc_version, plugins)
    proc = subprocess.run(cmd, capture_output=quiet, text=True, check=False)
    if proc.returncode != 0:
        raise ServerError(
            f"Maven could not resolve APOC core {s.apoc_version}: exit {proc.returncode}\n"
            f"{(proc.stdout or '')[-2000:] if quiet else ''}",
            hint="check that Maven Central is reachable, or set GRIDLINK_NEO4J_APOC_VERSION to a published "
            "org.neo4j.procedure:apoc-core 5.26.x")
    shipped = {artifact_id(j.name) for j in server_lib.glob("*.jar")}
    for jar in plugins.glob("*.jar"):
        if artifact_id(jar.name) in shipped:
            jar.unlink()
    done.write_text(time.strftime("%Y-%m-%dT%H:%M:%S"), encoding="utf-8")
    return plugins


def conf_line(s: LocalServerSettings) -> str:
    """The ``neo4j.conf`` line that loads the plugins."""
    return f"server.directories.plugins={plugins_dir(s)}"


def started_without_plugins(s: LocalServerSettings) -> bool:
    """Whether the server of ``s`` was started without this version's plugin folder (its ``neo4j.conf``)."""
    conf = s.server_home() / "conf" / "neo4j.conf"
    try:
        return conf_line(s) not in conf.read_text(encoding="utf-8").splitlines()
    except OSError:
        return False
