"""The API's one clock: :mod:`graph.localtime` (Beijing time), re-exported where the API has always imported it."""

from __future__ import annotations

from graph.localtime import LOCAL_TZ, today

__all__ = ["LOCAL_TZ", "today"]
