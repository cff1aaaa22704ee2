"""The analysts' catalog of named queries (docs/analyst.md), generated from the query headers.

``python -m queries.docs`` rewrites the table between the ``<!-- queries:catalog -->`` markers of docs/analyst.md;
``python -m queries.docs --check`` exits 1 when that page is out of date (a test runs the same check).
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from queries.browser.guide import group
from queries.catalog import NamedQuery

BEGIN = "<!-- queries:catalog -->"
END = "<!-- /queries:catalog -->"
PAGE = Path(__file__).resolve().parents[1] / "docs" / "analyst.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _cli_value(value: object) -> str:
    """An example value as ``gridlink query run -p`` takes it (lists comma-separated, null as ``null``)."""
    if value is None:
        return "null"
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value)


def _example(q: NamedQuery) -> str:
    params = q.example_params()
    if not params:
        return f"`gridlink query run {q.name}`"
    # quoted for a shell: example texts may hold spaces
    flags = " ".join(f"-p {shlex.quote(f'{k}={_cli_value(v)}')}" for k, v in params.items())
    return f"`gridlink query run {q.name} {_cell(flags)}`"


def table() -> str:
    """The Markdown table: one row per named query, grouped by the guide's chapters."""
    lines = ["| chapter | query | what it answers | params | returns |", "|---|---|---|---|---|"]
    for chapter, members in group():
        for q in members:
            params = ", ".join(f"`{k}` ({v})" for k, v in q.params.items()) or "—"
            lines.append(f"| {chapter.title} | `{q.name}` | **{_cell(q.title)}**. {_cell(q.description)}<br>"
                         f"{_example(q)} | {params} | {_cell(', '.join(q.returns))} |")
    return "\n".join(lines)


def render_page(text: str) -> str:
    """The page's text with a fresh table between the markers.

    Raises:
        ValueError: the markers are missing.
    """
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"{PAGE.name} lacks the {BEGIN} ... {END} markers")
    return text[: start + len(BEGIN)] + "\n" + table() + "\n" + text[end:]


def main(argv: list[str]) -> int:
    """Rewrite docs/analyst.md (or, with --check, report whether it is current)."""
    current = PAGE.read_text(encoding="utf-8")
    fresh = render_page(current)
    if "--check" in argv:
        if fresh != current:
            sys.stderr.write("docs/analyst.md's query catalog is out of date: run `python -m queries.docs`\n")
            return 1
        return 0
    if fresh != current:
        PAGE.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
