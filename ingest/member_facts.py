"""What is kept of a party member's birth date: the age band only (issue #13).

The birth date comes from 出生日期 or, failing that, from the resident ID number before it is hashed
(:mod:`ingest.pseudonym`); neither the date nor the number is stored. Bands are :data:`graph.vocab.AGE_BANDS`.
"""

from __future__ import annotations

import datetime as dt

from graph import vocab


def birth_date_from_id(id_number: str) -> dt.date | None:
    """The birth date encoded in a normalized resident ID number (18 digits: positions 7-14; 15 digits: 7-12,
    19YY), or ``None`` when those digits are not a date."""
    digits = "19" + id_number[6:12] if len(id_number) == 15 else id_number[6:14]
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def age_on(birth: dt.date, day: dt.date) -> int:
    """Age in whole years on ``day`` (the birthday itself counts as reached)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def age_band(birth: dt.date, day: dt.date) -> str | None:
    """The :data:`graph.vocab.AGE_BANDS` key of a person born on ``birth`` on ``day`` (``None``: born after it)."""
    age = age_on(birth, day)
    for key, (lo, hi) in vocab.AGE_BANDS.items():
        if age >= lo and (hi is None or age <= hi):
            return key
    return None
