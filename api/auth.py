"""API keys and roles: ``X-API-Key`` header → reader, planner or admin.

Keys come from ``GRIDLINK_API_KEYS`` as ``key:role`` pairs separated by commas. When it is empty the
demo keys below are active and a warning is logged at start: fine on a laptop, never in production.
"""

from __future__ import annotations

import enum
import hmac
import logging

from api.errors import ForbiddenError
from api.settings import ApiSettings

log = logging.getLogger(__name__)

DEMO_KEYS = "demo-reader:reader,demo-planner:planner,demo-admin:admin"


class Role(enum.IntEnum):
    """Roles, ordered: each one may do what the ones below it may."""

    READER = 1
    PLANNER = 2
    ADMIN = 3


def parse_keys(spec: str) -> dict[str, Role]:
    """Parse ``key:role,key:role``.

    Raises:
        ValueError: a pair without ``:`` or an unknown role (names the pair, never the key).
    """
    keys: dict[str, Role] = {}
    for i, pair in enumerate(p.strip() for p in spec.split(",") if p.strip()):
        key, sep, role = pair.rpartition(":")
        if not sep or not key or role.upper() not in Role.__members__:
            raise ValueError(f"GRIDLINK_API_KEYS entry #{i + 1} is not key:role with role reader, planner or admin")
        keys[key] = Role[role.upper()]
    return keys


class KeyRing:
    """The configured keys and the role of requests without one."""

    def __init__(self, settings: ApiSettings) -> None:
        spec = settings.keys.get_secret_value()
        if not spec:
            log.warning("GRIDLINK_API_KEYS is empty: the demo keys (demo-reader, demo-planner, demo-admin) are active")
            spec = DEMO_KEYS
        self._keys = parse_keys(spec)
        anon = (settings.anonymous_role or "").upper()
        self.anonymous = Role[anon] if anon in Role.__members__ else None

    def role_for(self, key: str | None) -> Role | None:
        """The role of ``key`` (``None`` → the anonymous role; an unknown key → ``None``)."""
        if not key:
            return self.anonymous
        for known, role in self._keys.items():
            # constant-time comparison: the key is a secret
            if hmac.compare_digest(known.encode(), key.encode()):
                return role
        return None


def require(role: Role, needed: Role, what: str) -> None:
    """Raise :class:`ForbiddenError` unless ``role`` is at least ``needed``."""
    if role < needed:
        raise ForbiddenError(f"{what} needs the {needed.name.lower()} role; send an X-API-Key of that role")
