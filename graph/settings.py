"""Settings read from the environment (and a `.env` file) on first use, never at import.

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


class ApiSettings(BaseSettings):
    """Settings of ``gridlink serve``."""

    model_config = SettingsConfigDict(env_prefix="GRIDLINK_API_", env_file=".env", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 8000
    graphiql: bool = True
    introspection: bool = True
    max_depth: int = 10
    max_tokens: int = 2000
    max_aliases: int = 15
    max_page_size: int = 100
    # structural limits checked before validation (api/guard.py): fields with fragments expanded, and fields
    # sharing one response name in one selection set (graphql-core's validation is quadratic in those)
    max_fields: int = 500
    max_same_name_fields: int = 5
    # estimated cost per role (api/cost.py: fields × list sizes asked for)
    max_cost_reader: int = 10_000
    max_cost_planner: int = 25_000
    max_cost_admin: int = 50_000
    # rate limits ("limits" notation, e.g. "600/minute;20/second"); empty = none
    rate_limit_per_key: str = "1200/minute;60/second"
    rate_limit_per_address: str = "600/minute;30/second"
    max_body_bytes: int = 1_000_000
    body_timeout_s: float = Field(default=10.0, description="a request body must arrive within this")
    header_timeout_s: float = Field(default=10.0, description="request headers must arrive within this")
    keep_alive_timeout_s: int = Field(default=5, description="idle keep-alive connections are closed after this")
    public_url: str | None = Field(default=None, description="URL clients reach the API at (links in the "
                                   "Browser guide); default http://<host>:<port>")
    # API keys: "key:role" pairs separated by commas; roles are reader, planner, admin.
    # Empty means the demo keys below are active (a warning is logged at start).
    keys: SecretStr = SecretStr("")
    anonymous_role: str | None = Field(default="reader", description="role of requests without a key; empty = refuse")


@lru_cache(maxsize=1)
def get_neo4j_settings() -> Neo4jSettings:
    """Neo4j connection settings, built on first call."""
    return Neo4jSettings()


@lru_cache(maxsize=1)
def get_server_settings() -> LocalServerSettings:
    """Local server settings, built on first call."""
    return LocalServerSettings()


@lru_cache(maxsize=1)
def get_api_settings() -> ApiSettings:
    """API settings, built on first call."""
    return ApiSettings()


def reset_settings() -> None:
    """Forget cached settings (tests change the environment between cases)."""
    get_neo4j_settings.cache_clear()
    get_server_settings.cache_clear()
    get_api_settings.cache_clear()
