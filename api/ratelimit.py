"""Rate limits per API key and per client address, counted by the ``limits`` library (moving windows, in memory).

Requests with a key count against that key (whatever address they come from); requests without one count
against their address. A request over a limit gets HTTP 429, a ``Retry-After`` header and a GraphQL error with
``extensions`` ``{"code": "RATE_LIMITED", "limit": "60 per 1 second", "retryAfter": 1}``. Limits are per
process: several API processes behind a balancer each count their own share.
"""

from __future__ import annotations

import hashlib
import math
import time

from limits import RateLimitItem, parse_many, storage, strategies
from starlette.responses import JSONResponse

from api.http_guard import error_response


class RateLimiter:
    """The per-key and per-address limits (``limits`` notation, e.g. ``"600/minute;30/second"``; empty = none)."""

    def __init__(self, per_key: str, per_address: str) -> None:
        self.strategy = strategies.MovingWindowRateLimiter(storage.MemoryStorage())
        self.per_key: list[RateLimitItem] = parse_many(per_key) if per_key.strip() else []
        self.per_address: list[RateLimitItem] = parse_many(per_address) if per_address.strip() else []

    def check(self, key: str | None, address: str) -> JSONResponse | None:
        """Count one request; the 429 response when it is over a limit, else ``None``."""
        if key:
            # the key is a secret: the counter is named by a digest, never the key itself
            items, scope, who = self.per_key, "key", hashlib.sha256(key.encode()).hexdigest()[:32]
        else:
            items, scope, who = self.per_address, "address", address
        for item in items:
            if not self.strategy.hit(item, scope, who):
                reset = self.strategy.get_window_stats(item, scope, who).reset_time
                retry = max(1, math.ceil(reset - time.time()))
                return error_response(
                    429, "RATE_LIMITED", f"too many requests from this {'API key' if key else 'address'}: the limit "
                    f"is {item}; retry in {retry} s", headers={"Retry-After": str(retry)}, limit=str(item),
                    retryAfter=retry)
        return None
