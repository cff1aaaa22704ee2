"""Settings of the API (``gridlink serve``), read from the environment (and a `.env` file) on first use.

They live here, not in :mod:`graph.settings`, because only the API reads them; the ``gridlink`` CLI root reads
them too, to tell where the API and the Browser guide answer.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class ApiSettings(BaseSettings):
    """Settings of ``gridlink serve``."""

    model_config = SettingsConfigDict(env_prefix="GRIDLINK_API_", env_file=".env", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 8000
    # uvicorn worker processes behind the one port: each has its own driver pool, caches and rate-limit counters
    # (so a per-key limit is per worker); 1 on a small machine, where Neo4j needs the other core (docs/benchmarks.md)
    workers: int = Field(default=1, ge=1, le=32)
    graphiql: bool = True
    introspection: bool = True
    max_depth: int = 10
    max_tokens: int = 2000
    max_aliases: int = 15
    max_page_size: int = 100
    # full-text search is paged by offset over hits collected in one query: only the first this many are reachable
    max_search_hits: int = Field(default=1000, ge=1)
    # counts of party members below this are suppressed (null) for roles that may not see personal data
    min_member_count: int = Field(default=3, ge=1)
    # structural limits checked before validation (api/guard.py): fields with fragments expanded, and fields
    # sharing one response name in one selection set (graphql-core's validation is quadratic in those)
    max_fields: int = Field(default=500, ge=1)
    max_same_name_fields: int = Field(default=5, ge=1)
    # estimated cost per role (api/cost.py: fields × list sizes asked for)
    max_cost_reader: int = Field(default=10_000, ge=1)
    max_cost_planner: int = Field(default=25_000, ge=1)
    max_cost_admin: int = Field(default=50_000, ge=1)
    # rate limits ("limits" notation, e.g. "600/minute;20/second"); empty = none (api/ratelimit.py)
    rate_limit_per_key: str = "1200/minute;60/second"
    rate_limit_per_address: str = "600/minute;30/second"
    max_body_bytes: int = Field(default=1_000_000, ge=1)
    body_timeout_s: float = Field(default=10.0, gt=0, description="a request body must arrive within this")
    header_timeout_s: float = Field(default=10.0, gt=0, description="request headers must arrive within this")
    keep_alive_timeout_s: int = Field(default=5, ge=1, description="idle keep-alive connections are closed after this")
    public_url: str | None = Field(default=None, description="URL clients reach the API at (links in the "
                                   "Browser guide); default http://<host>:<port>")
    # API keys: "key:role" pairs separated by commas; roles are reader, planner, admin.
    # Empty means the demo keys below are active (a warning is logged at start).
    keys: SecretStr = SecretStr("")
    anonymous_role: str | None = Field(default="reader", description="role of requests without a key; empty = refuse")


@lru_cache(maxsize=1)
def get_api_settings() -> ApiSettings:
    """API settings, built on first call."""
    return ApiSettings()


def reset_api_settings() -> None:
    """Forget the cached API settings (tests change the environment between cases)."""
    get_api_settings.cache_clear()
