"""Small-count suppression: counts of party members below a threshold are hidden from readers.

A count of 1 or 2 party members in a grid, by status, tells a neighbour the status (flowing, pocket, hidden) of a
person they can name. Roles that may not see personal data get ``null`` for every count between 1 and
``GRIDLINK_API_MIN_MEMBER_COUNT - 1`` (default 3: 1 and 2 are hidden). A row whose total is shown would give a
single hidden cell away by subtraction, so when exactly one cell of a row is hidden the next smallest non-zero cell
is hidden too (secondary suppression). Zeros are shown: "no hidden members here" names nobody.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from graph import vocab


def suppress(counts: Mapping[str, int], k: int, total: str | None = None) -> dict[str, int | None]:
    """``counts`` with the small ones (and one more when a single one would be derivable) set to ``None``.

    Args:
        counts: the cells of one row (and its total, when ``total`` names it).
        k: the threshold: counts ``0 < n < k`` are hidden.
        total: the key of the row total, if the row has one; a small total hides the whole row.

    Returns:
        A new mapping with the same keys.
    """
    out: dict[str, int | None] = dict(counts)
    if total is not None and 0 < counts[total] < k:
        return dict.fromkeys(counts, None)
    cells = [key for key in counts if key != total]
    hidden = [key for key in cells if 0 < counts[key] < k]
    if len(hidden) == 1:  # the total (or the other cells) would give it away: hide the next smallest as well
        shown = sorted((key for key in cells if key not in hidden and counts[key] > 0), key=lambda x: counts[x])
        hidden += shown[:1]
    for key in hidden:
        out[key] = None
    return out


STATUSES = tuple(vocab.MEMBER_STATUSES)  # normal, flowing, pocket, hidden: the one vocabulary


def member_rows(rows: Iterable[dict[str, Any]], k: int) -> list[dict[str, Any]]:
    """``memberStatusByGrid`` rows with :func:`suppress` applied to each grid's total and status counts."""
    return [{**row, **suppress({key: row[key] for key in ("total", *STATUSES)}, k, "total")} for row in rows]


def status_counts(items: Iterable[dict[str, Any]], k: int) -> list[dict[str, Any]]:
    """``membersByStatus`` items (``{status, count}``) with :func:`suppress` applied across the statuses."""
    items = list(items)
    kept = suppress({str(i): item["count"] for i, item in enumerate(items)}, k)
    return [{**item, "count": kept[str(i)]} for i, item in enumerate(items)]


def member_area_rows(rows: Iterable[dict[str, Any]], k: int | None) -> list[dict[str, Any]]:
    """``members_by_area`` rows shaped for ``memberCounts``; with ``k``, :func:`suppress` applied to each group
    of a row (derived statuses, imported labels, age bands: each with the row total) and to each single count."""
    out = []
    for row in rows:
        derived = {s: row[s] for s in STATUSES}
        imported = {s: row["imported" + s.capitalize()] for s in STATUSES}
        bands = {b["band"]: b["count"] for b in row["bands"]}
        singles = {key: row[key] for key in ("disagreements", "communityOnly", "checkedIn")}
        total: int | None = row["total"]
        if k is not None:
            groups = [suppress({"total": row["total"], **g}, k, "total") for g in (derived, imported, bands)]
            total = groups[0]["total"]
            derived, imported, bands = ({key: v for key, v in g.items() if key != "total"} for g in groups)
            singles = {key: suppress({key: n}, k)[key] for key, n in singles.items()}
        out.append({"level": row["level"], "code": row["code"], "name": row["name"], "total": total,
                    "by_status": [{"status": s, "count": derived[s]} for s in STATUSES],
                    "by_imported_status": [{"status": s, "count": imported[s]} for s in STATUSES],
                    "by_age_band": [{"band": b, "count": n} for b, n in bands.items()],
                    "disagreements": singles["disagreements"], "community_only": singles["communityOnly"],
                    "checked_in": singles["checkedIn"]})
    return out
