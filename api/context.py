"""The per-request GraphQL context: the caller's role and the API settings."""

from __future__ import annotations

from fastapi import HTTPException, Request
from strawberry.fastapi import BaseContext

from api.auth import KeyRing, Role
from api.settings import ApiSettings


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


def context_getter(keyring: KeyRing, settings: ApiSettings):  # type: ignore[no-untyped-def]  # FastAPI dependency
    """Build the FastAPI dependency that turns ``X-API-Key`` into a :class:`Context`."""

    async def get_context(request: Request) -> Context:
        role = keyring.role_for(request.headers.get("x-api-key"))
        if role is None:
            detail = ("unknown API key in X-API-Key" if request.headers.get("x-api-key")
                      else "this API needs an X-API-Key header")
            raise HTTPException(status_code=401, detail=detail)
        return Context(role, settings)

    return get_context
