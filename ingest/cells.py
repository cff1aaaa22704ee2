"""Cell sanitizing and value parsing shared by the readers and the transforms.

Every cell goes through :func:`sanitize`: Unicode NFC, full-width digits/Latin letters/brackets/spaces folded to
their ASCII forms (registry exports typed on Chinese IMEs are full of them), stray whitespace stripped, and the
empty string turned into ``None``. Other full-width punctuation (，；：) is kept: it is part of Chinese text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

# full-width digits, Latin letters and brackets -> ASCII; ideographic space -> space
_FOLD = {0xFF10 + i: 0x30 + i for i in range(10)}
_FOLD |= {0xFF21 + i: 0x41 + i for i in range(26)}
_FOLD |= {0xFF41 + i: 0x61 + i for i in range(26)}
_FOLD |= {0xFF08: ord("("), 0xFF09: ord(")"), 0xFF3B: ord("["), 0xFF3D: ord("]"), 0x3000: ord(" "),
          0xFF0D: ord("-"), 0xFF0E: ord("."), 0xFF0B: ord("+"), 0x00A0: ord(" ")}
_SCI = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$")


def sanitize(value: Any) -> Any:
    """Normalize one cell; strings become NFC, folded, stripped text or ``None``; other values pass through."""
    if value is None:
        return None
    if isinstance(value, str):
        # fold first, then NFC: a full-width letter with a combining accent (Ａ + ◌́) composes only once it is
        # ASCII (found by fuzzing: the other order was not idempotent and left text that is not NFC)
        text = unicodedata.normalize("NFC", value.translate(_FOLD))
        # split() splits on exactly the characters `\s` matches (str.isspace): the same as collapsing runs of
        # whitespace to one space and stripping, at a third of the cost (every cell of every file comes here)
        return " ".join(text.split()) or None
    if isinstance(value, list):
        items = [sanitize(v) for v in value]
        return [v for v in items if v is not None] or None
    return value


def is_scientific(text: str) -> bool:
    """True for Excel's scientific rendering of a long number (``9.1E+17``): the digits are lost."""
    return bool(_SCI.match(text))


def split_multi(value: Any) -> list[str]:
    """Split a multi-valued cell on ``；`` ``;`` ``、`` or take a JSON list as is."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    return [p.strip() for p in re.split(r"[;；、|]", str(value)) if p.strip()]


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(value: Any) -> dt.date:
    """A date from ``YYYY-MM-DD``, ``YYYY/MM/DD``, ``YYYY年MM月DD日``, ``YYYYMMDD`` or an Excel serial number.

    Raises:
        ValueError: the text is none of those, or not a real calendar date.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if re.fullmatch(r"\d{5}(\.0+)?", text):  # Excel serial day number (1900 date system)
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(float(text)))
    raise ValueError(f"not a date: {text!r} (use YYYY-MM-DD)")


def parse_int(value: Any) -> int:
    """An integer from ``12``, ``12.0``, ``1,200`` or ``12人``.

    Raises:
        ValueError: no integer in the text.
    """
    if isinstance(value, bool):
        raise ValueError("not a number")
    if isinstance(value, int):
        return value
    text = str(value).replace(",", "").strip()
    m = re.fullmatch(r"(-?\d+)(?:\.0*)?\s*[^\d]{0,3}", text)
    if not m:
        raise ValueError(f"not a whole number: {text!r}")
    return int(m.group(1))


def parse_float(value: Any) -> float:
    """A float from text or a number.

    Raises:
        ValueError: not a number.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return float(str(value).replace(",", "").strip())


def parse_time(value: Any) -> dt.time:
    """A time of day from ``9:00`` or ``09:00:00``.

    Raises:
        ValueError: not a time.
    """
    if isinstance(value, dt.time):
        return value
    m = re.fullmatch(r"(\d{1,2})[:：](\d{2})(?::(\d{2}))?", str(value).strip())
    if not m or int(m.group(1)) > 24 or int(m.group(2)) > 59:
        raise ValueError(f"not a time: {value!r} (use HH:MM)")
    hour = int(m.group(1))
    return dt.time(23, 59, 59) if hour == 24 else dt.time(hour, int(m.group(2)), int(m.group(3) or 0))


def name_norm(name: str) -> str:
    """The normalized name used for identity and duplicate detection.

    NFKC, lower case, brackets and spaces and punctuation removed, so that ``华为技术有限公司（深圳）`` and
    ``华为技术有限公司(深圳)`` compare equal.
    """
    text = unicodedata.normalize("NFKC", name).lower()
    text = re.sub(r"[\s()\[\]{}<>【】《》〈〉·.,，。、'\"“”‘’\-_/]+", "", text)
    # NFC again: dropping a space can join a combining mark to a letter (NFKC turns ¯ into space + U+0304);
    # without it name_norm(name_norm(x)) != name_norm(x), and lookups that normalize twice miss (found by fuzzing)
    return unicodedata.normalize("NFC", text)
