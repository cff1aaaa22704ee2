"""The one clock: Asia/Shanghai (Beijing time), the zone of every date planners and the graph use.

Dates on the graph (``publishedOn``, ``validTo``, ``availableTo`` …) are Beijing dates and the queries compare them
with ``date({timezone: 'Asia/Shanghai'})``; the API checks input dates against the same day, never the server's
UTC date (between 00:00 and 08:00 Beijing time the two differ). The ingest dates ``inactiveSince`` and age
bands with it, the indicators and snapshots take their default day from it (all layers may import ``graph``).
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Shanghai")


def now() -> datetime:
    """The current moment in Beijing (tests replace this function to move the clock)."""
    return datetime.now(LOCAL_TZ)


def today() -> date:
    """Today in Beijing."""
    return now().date()
