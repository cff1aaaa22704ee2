"""The analysts' query catalog (docs/analyst.md) is generated from the headers and must be current."""

from __future__ import annotations

import pytest

from queries.catalog import catalog
from queries.docs import BEGIN, END, PAGE, main, render_page, table


def test_table_has_one_row_per_query() -> None:
    rows = table().splitlines()[2:]
    assert len(rows) == len(catalog())
    for name in catalog():
        assert sum(f"| `{name}` |" in row for row in rows) == 1


def test_analyst_page_catalog_is_up_to_date() -> None:
    text = PAGE.read_text(encoding="utf-8")
    assert render_page(text) == text, "run `python -m queries.docs` to refresh docs/analyst.md"
    assert main(["--check"]) == 0


def test_render_needs_the_markers() -> None:
    with pytest.raises(ValueError, match="markers"):
        render_page("# no markers here")
    assert render_page(f"a\n{BEGIN}\nold\n{END}\nb") == f"a\n{BEGIN}\n{table()}\n{END}\nb"
