"""Neo4j connection and local-server settings, read from the environment (and a `.env` file) on first use, never
at import. The API's own settings are in :mod:`api.settings`.

Every setting has a default that works on a developer machine: a local Neo4j started by
``gridlink db start`` on bolt://127.0.0.1:7687 with user ``neo4j`` and password ``gridlink-dev``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def _cache_home() -> Path:
    return Path.home() / ".cache" / "gridlink"


class Neo4jSettings(BaseSettings):
    """How to reach Neo4j. ``neo4j://`` URIs (clusters, Aura) work as well as ``bolt://``."""

    model_config = SettingsConfigDict(env_prefix="NEO4J_", env_file=".env", extra="ignore")

    uri: str = "bolt://127.0.0.1:7687"
    user: str = "neo4j"
    password: SecretStr = SecretStr("gridlink-dev")
    database: str = "neo4j"
    max_connection_pool_size: int = 50
    query_timeout_s: float = Field(default=30.0, description="server-side timeout of one named query")


class LocalServerSettings(BaseSettings):
    """The local Neo4j that ``gridlink db start`` provisions from Maven Central (no Docker needed)."""

    model_config = SettingsConfigDict(env_prefix="GRIDLINK_NEO4J_", env_file=".env", extra="ignore")

    version: str = "5.26.30"
    browser_version: str = "5.24.0"
    apoc_version: str = Field(default="5.26.19", description="APOC core plugin (graph/plugins.py)")
    cache_dir: Path = Field(default_factory=_cache_home, description="jar cache, outside the repo")
    home: Path | None = Field(default=None, description="server home; default <cache_dir>/server-<bolt_port>")
    bolt_port: int = 7687
    http_port: int = 7474
    listen_address: str = "127.0.0.1"
    heap: str = "1g"
    pagecache: str = "512m"
    start_timeout_s: float = 120.0

    def server_home(self) -> Path:
        """Directory holding conf/, data/, logs/ and run/ of this server."""
        return self.home or self.cache_dir / f"server-{self.bolt_port}"


@lru_cache(maxsize=1)
def get_neo4j_settings() -> Neo4jSettings:
    """Neo4j connection settings, built on first call."""
    return Neo4jSettings()


@lru_cache(maxsize=1)
def get_server_settings() -> LocalServerSettings:
    """Local server settings, built on first call."""
    return LocalServerSettings()


def reset_settings() -> None:
    """Forget cached settings (tests change the environment between cases)."""
    get_neo4j_settings.cache_clear()
    get_server_settings.cache_clear()
