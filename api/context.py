"""The per-request GraphQL context: the caller's role and the API settings."""

from __future__ import annotations

from fastapi import Request
from starlette.responses import JSONResponse
from strawberry.fastapi import BaseContext

from api.auth import KeyRing, Role
from api.http_guard import error_response
from api.ratelimit import RateLimiter
from api.settings import ApiSettings


class Refusal(Exception):
    """Raised by the context dependency to answer with ``response`` (401, 429) before anything runs."""

    def __init__(self, response: JSONResponse) -> None:
        super().__init__(response.status_code)
        self.response = response


class Context(BaseContext):
    """What resolvers know about the request."""

    def __init__(self, role: Role, settings: ApiSettings) -> None:
        super().__init__()
        self.role = role
        self.settings = settings

    @property
    def personal(self) -> bool:
        """Whether personal fields of party organizations (secretary, phone) may be shown."""
        return self.role >= Role.PLANNER


def context_getter(keyring: KeyRing, settings: ApiSettings,  # type: ignore[no-untyped-def]  # FastAPI dependency
                   limiter: RateLimiter | None = None):
    """Build the FastAPI dependency that turns ``X-API-Key`` into a :class:`Context` (after the rate limits)."""

    async def get_context(request: Request) -> Context:
        key = request.headers.get("x-api-key")
        role = keyring.role_for(key)
        if role is None:
            message = "unknown API key in X-API-Key" if key else "this API needs an X-API-Key header"
            raise Refusal(error_response(401, "UNAUTHENTICATED", message, headers={"WWW-Authenticate": "X-API-Key"}))
        if limiter is not None:
            refused = limiter.check(key, request.client.host if request.client else "unknown")
            if refused is not None:
                raise Refusal(refused)
        return Context(role, settings)

    return get_context
