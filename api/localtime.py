"""The API's one clock: Asia/Shanghai (Beijing time), the zone of every date planners and the graph use.

Dates on the graph (``publishedOn``, ``validTo``, ``availableTo`` …) are Beijing dates and the queries compare them
with ``date({timezone: 'Asia/Shanghai'})``; the API checks input dates against the same day, never the server's
UTC date (between 00:00 and 08:00 Beijing time the two differ).
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Shanghai")


def today() -> date:
    """Today in Beijing."""
    return datetime.now(LOCAL_TZ).date()
