"""One policy for tests that need a tool outside Python (Chromium, Node, npm, fonts): skip locally, fail in CI."""

from __future__ import annotations

import os

import pytest


def require(missing: list[str], needs: str, ci_note: str) -> None:
    """Skip (locally) or fail (CI=true) when ``missing`` names a tool, naming each one.

    Args:
        missing: The tools found missing (empty: nothing to do).
        needs: Who needs them, e.g. ``"browser tests need"``.
        ci_note: What CI is expected to do about them, appended to the failure.
    """
    if not missing:
        return
    reason = f"{needs} " + ", ".join(missing)
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} — {ci_note}")
    pytest.skip(reason)
