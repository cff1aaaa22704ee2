"""Pseudonymous ids of party members: HMAC-SHA256(secret, ID number), first 24 hex characters.

The ID number is turned into the uid in the transform and dropped; it is never stored, logged or reported.
The secret comes from ``GRIDLINK_PSEUDONYM_KEY``; without it a development default is used and a warning
logged (uids made with the default are not private: anyone can recompute them).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re

log = logging.getLogger(__name__)

DEV_KEY = "gridlink-dev-pseudonym-key"
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def pseudonym_key() -> bytes:
    """The HMAC secret from ``GRIDLINK_PSEUDONYM_KEY`` (development default, with a warning, when unset)."""
    key = os.environ.get("GRIDLINK_PSEUDONYM_KEY")
    if not key:
        log.warning("GRIDLINK_PSEUDONYM_KEY is not set: party member ids use the development key; "
                    "set a secret before loading real data")
        key = DEV_KEY
    return key.encode()


def normalize_id_number(raw: str) -> str | None:
    """An 18-character resident ID number (upper-case X) with a right check digit, or a 15-digit old one;
    ``None`` when it is neither. The reason is never echoed with the value."""
    text = re.sub(r"\s", "", raw).upper()
    if re.fullmatch(r"\d{15}", text):
        return text
    if not re.fullmatch(r"\d{17}[\dX]", text):
        return None
    total = sum(int(c) * w for c, w in zip(text[:17], _ID_WEIGHTS, strict=True))
    return text if _ID_CHECK[total % 11] == text[17] else None


def member_uid(key: bytes, id_number: str) -> str:
    """The pseudonymous uid of a member."""
    return hmac.new(key, id_number.encode(), hashlib.sha256).hexdigest()[:24]
