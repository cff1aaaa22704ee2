"""Controlled vocabularies as the ingest reads them: registry words -> the keys of :mod:`graph.vocab`.

Derived from :mod:`graph.vocab` (the one declaration). Lookups are exact after sanitizing; a user mapping file can
add words (``values:`` in the YAML) before these.
"""

from __future__ import annotations

import re

from graph import vocab as v

#: 登记状态 (registration status) -> Organization.status; wording differs by province
ORG_STATUS: dict[str, str] = v.word_map(v.ORG_STATUSES, with_keys=False)
#: category word -> key (keys are accepted by :func:`category_key`)
CATEGORIES: dict[str, str] = v.word_map(v.CATEGORIES, with_keys=False)
CATEGORY_KEYS = frozenset(v.CATEGORY_KEYS)

PARTY_CATEGORIES = frozenset(v.PARTY_CATEGORIES)
PARTY_CATEGORY_ALIASES: dict[str, str] = v.word_map(v.PARTY_CATEGORIES, with_keys=False)
ENLARGED_CATEGORIES = frozenset(v.ENLARGED_COMMITTEES)

NEED_STATUS: dict[str, str] = v.word_map(v.NEED_STATUSES)
PROJECT_STATUS: dict[str, str] = v.word_map(v.PROJECT_STATUSES)
URGENCY: dict[str, int] = v.word_map(v.URGENCY)
MEMBER_STATUS: dict[str, str] = v.word_map(v.MEMBER_STATUSES)
RESOURCE_STATUS: dict[str, str] = v.word_map(v.RESOURCE_STATUSES)
ALLIANCE_KINDS: dict[str, str] = v.word_map(v.ALLIANCE_KINDS)
MEMBERSHIP_TYPES: dict[str, str] = v.word_map(v.MEMBERSHIP_TYPES)
# three-level linkage (issue #13)
COMMITTEE_ROLES = v.word_map(v.COMMITTEE_ROLES)
DEPARTMENT_TYPES = v.word_map(v.DEPARTMENT_TYPES)
RESPONSIBLE_ROLES = v.word_map(v.RESPONSIBLE_ROLES)

# below the grid (issue #12)
COMPOUND_TYPES = v.word_map(v.COMPOUND_TYPES)
COMMUNITY_TYPES = v.word_map(v.COMMUNITY_TYPES)
MANAGEMENT_MODES = v.word_map(v.MANAGEMENT_MODES)
COMMITTEE_TYPES = v.word_map(v.COMMITTEE_TYPES)
WORK_ORDER_CATEGORIES = v.word_map(v.WORK_ORDER_CATEGORIES)
WORK_ORDER_STATUSES = v.word_map(v.WORK_ORDER_STATUSES)
SATISFACTION = v.word_map(v.SATISFACTION)
AGREEMENT_TYPES = v.word_map(v.AGREEMENT_TYPES)


SOCIAL_ORG_TYPES: dict[str, str] = v.word_map(v.SOCIAL_ORG_TYPES)
PUBLIC_UNIT_TYPES: dict[str, str] = v.word_map(v.PUBLIC_UNIT_TYPES)

_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")


def org_status(word: str) -> str | None:
    """The Organization.status key of a 登记状态 wording; ``None`` when unknown.

    Exact (case-insensitive), full-width brackets and commas folded; else the wording without its bracketed
    part (``存续（在营、开业、在册）`` -> ``存续``); else the bracketed words when they all agree.
    """
    folded = word.translate(_FOLD).strip()
    for candidate in (folded, folded.lower()):
        if candidate in _STATUS:
            return _STATUS[candidate]
    head = _BRACKETED.sub("", folded).strip()
    if head and head != folded:
        return org_status(head)
    inner = {org_status(w) for m in _BRACKETED.findall(folded) for w in re.split(r"[、,;/]", m[1:-1]) if w.strip()}
    return inner.pop() if len(inner) == 1 else None


_FOLD = str.maketrans({"（": "(", "）": ")", "，": ",", "；": ";", "　": " "})
_STATUS = {k.translate(_FOLD).lower() if k.isascii() else k.translate(_FOLD): val for k, val in ORG_STATUS.items()}


_INDUSTRY_CODE = re.compile(v.INDUSTRY_CODE_PATTERN)
_PUNCT = re.compile(r"[、,，\s]")
_SECTIONS = {_PUNCT.sub("", w): letter for letter, words in v.INDUSTRY_SECTIONS.items() for w in words}


def industry_code(text: str) -> str | None:
    """The GB/T 4754 code of a 所属行业 cell: a code as written (upper case), or the letter of a section name;
    ``None`` when it is neither (finer names are not mapped: the 97 大类 names are not in the vocabulary)."""
    code = text.strip().upper()
    if _INDUSTRY_CODE.match(code):
        return code
    return _SECTIONS.get(_PUNCT.sub("", text))


def category_key(word: str) -> str | None:
    """A category key from its Chinese word or the key itself; ``None`` when unknown."""
    if word in CATEGORY_KEYS:
        return word
    return CATEGORIES.get(word) or CATEGORIES.get(word.rstrip("类"))
