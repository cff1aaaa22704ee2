"""Controlled vocabularies as the ingest reads them: registry words -> the keys of :mod:`graph.vocab`.

Derived from :mod:`graph.vocab` (the one declaration). Lookups are exact after sanitizing; a user mapping file can
add words (``values:`` in the YAML) before these.
"""

from __future__ import annotations

from graph import vocab as v

#: 登记状态 (registration status) -> Organization.status; wording differs by province
ORG_STATUS: dict[str, str] = v.word_map(v.ORG_STATUSES, with_keys=False)
#: category word -> key (keys are accepted by :func:`category_key`)
CATEGORIES: dict[str, str] = v.word_map(v.CATEGORIES, with_keys=False)
CATEGORY_KEYS = frozenset(v.CATEGORY_KEYS)

PARTY_CATEGORIES = frozenset(v.PARTY_CATEGORIES)
PARTY_CATEGORY_ALIASES: dict[str, str] = v.word_map(v.PARTY_CATEGORIES, with_keys=False)

NEED_STATUS: dict[str, str] = v.word_map(v.NEED_STATUSES)
PROJECT_STATUS: dict[str, str] = v.word_map(v.PROJECT_STATUSES)
URGENCY: dict[str, int] = v.word_map(v.URGENCY)
MEMBER_STATUS: dict[str, str] = v.word_map(v.MEMBER_STATUSES)
RESOURCE_STATUS: dict[str, str] = v.word_map(v.RESOURCE_STATUSES)
ALLIANCE_KINDS: dict[str, str] = v.word_map(v.ALLIANCE_KINDS)
MEMBERSHIP_TYPES: dict[str, str] = v.word_map(v.MEMBERSHIP_TYPES)

# below the grid (issue #12)
COMPOUND_TYPES = v.word_map(v.COMPOUND_TYPES)
MANAGEMENT_MODES = v.word_map(v.MANAGEMENT_MODES)
COMMITTEE_TYPES = v.word_map(v.COMMITTEE_TYPES)
WORK_ORDER_CATEGORIES = v.word_map(v.WORK_ORDER_CATEGORIES)
WORK_ORDER_STATUSES = v.word_map(v.WORK_ORDER_STATUSES)
SATISFACTION = v.word_map(v.SATISFACTION)


def category_key(word: str) -> str | None:
    """A category key from its Chinese word or the key itself; ``None`` when unknown."""
    if word in CATEGORY_KEYS:
        return word
    return CATEGORIES.get(word) or CATEGORIES.get(word.rstrip("类"))
