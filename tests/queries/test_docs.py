"""The README's query catalog is generated from the headers and must be current."""

from __future__ import annotations

import pytest

from queries.catalog import catalog
from queries.docs import BEGIN, END, README, main, render_readme, table


def test_table_has_one_row_per_query() -> None:
    rows = table().splitlines()[2:]
    assert len(rows) == len(catalog())
    for name in catalog():
        assert sum(f"| `{name}` |" in row for row in rows) == 1


def test_readme_catalog_is_up_to_date() -> None:
    text = README.read_text(encoding="utf-8")
    assert render_readme(text) == text, "run `python -m queries.docs` to refresh README.md"
    assert main(["--check"]) == 0


def test_render_needs_the_markers() -> None:
    with pytest.raises(ValueError, match="markers"):
        render_readme("# no markers here")
    assert render_readme(f"a\n{BEGIN}\nold\n{END}\nb") == f"a\n{BEGIN}\n{table()}\n{END}\nb"
