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
