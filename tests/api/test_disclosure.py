"""The small-count rule itself (api/disclosure.py), on rows worked out by hand."""

from __future__ import annotations

import pytest

from api.disclosure import member_rows, status_counts, suppress


@pytest.mark.parametrize(("row", "expected"), [
    # nothing small: all shown, zeros included
    ({"t": 9, "a": 5, "b": 4, "c": 0}, {"t": 9, "a": 5, "b": 4, "c": 0}),
    # a small total hides the row
    ({"t": 2, "a": 2, "b": 0, "c": 0}, {"t": None, "a": None, "b": None, "c": None}),
    # one small cell would be t - a - b: the next smallest non-zero cell goes too
    ({"t": 12, "a": 7, "b": 4, "c": 1}, {"t": 12, "a": 7, "b": None, "c": None}),
    # two small cells hide each other
    ({"t": 10, "a": 8, "b": 1, "c": 1}, {"t": 10, "a": 8, "b": None, "c": None}),
    # an empty row is shown
    ({"t": 0, "a": 0, "b": 0, "c": 0}, {"t": 0, "a": 0, "b": 0, "c": 0}),
])
def test_suppress_rows_with_a_total(row, expected):
    assert suppress(row, 3, "t") == expected


def test_no_single_hidden_cell_is_derivable():
    """Brute force over small rows: whenever a cell is hidden, at least two cells are hidden (or the whole row)."""
    checked = 0
    for a in range(6):
        for b in range(6):
            for c in range(6):
                out = suppress({"t": a + b + c, "a": a, "b": b, "c": c}, 3, "t")
                hidden = [k for k in "abc" if out[k] is None]
                assert len(hidden) != 1, (a, b, c, out)
                assert all(out[k] is None for k in "abc" if 0 < {"a": a, "b": b, "c": c}[k] < 3), (a, b, c)
                checked += 1
    assert checked == 216


def test_member_rows_and_status_lists():
    rows = [{"grid": {"code": "x"}, "total": 4, "normal": 3, "flowing": 1, "pocket": 0, "hidden": 0}]
    assert member_rows(rows, 3) == [{"grid": {"code": "x"}, "total": 4, "normal": None, "flowing": None,
                                     "pocket": 0, "hidden": 0}]
    items = [{"status": "normal", "count": 5}, {"status": "hidden", "count": 2}, {"status": "pocket", "count": 4}]
    assert status_counts(items, 3) == [{"status": "normal", "count": 5}, {"status": "hidden", "count": None},
                                       {"status": "pocket", "count": None}]
