"""The user documentation (README.md and docs/) covers what users can call, and its links lead somewhere."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import typer.main
from graphql import build_schema

from gridlink.cli import app

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in PAGES)


def cli_commands() -> Iterator[str]:
    """Every command of the ``gridlink`` app as typed (``db start``, ``ingest``), groups walked recursively."""
    def walk(command: object, path: list[str]) -> Iterator[str]:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                yield from walk(sub, [*path, name])
        else:
            yield " ".join(path)

    yield from walk(typer.main.get_command(app), [])


def graphql_root_fields() -> Iterator[str]:
    """Every field of the Query and Mutation root types of the committed SDL."""
    schema = build_schema((ROOT / "api" / "schema.graphql").read_text(encoding="utf-8"))
    for root in (schema.query_type, schema.mutation_type):
        assert root is not None
        yield from root.fields


def test_the_walk_finds_the_nested_commands() -> None:
    commands = set(cli_commands())
    assert {"up", "ingest", "db start", "demo generate", "query run"} <= commands
    assert "db" not in commands  # a group is not a command of its own


def test_every_cli_command_is_documented() -> None:
    text = _text()
    missing = [c for c in cli_commands() if not re.search(rf"gridlink {re.escape(c)}\b", text)]
    assert missing == [], f"write `gridlink <command>` into README.md or a docs/ page for {missing}"


def test_every_graphql_root_field_is_documented() -> None:
    text = _text()
    missing = [f for f in graphql_root_fields() if not re.search(rf"`{f}[`(]", text)]
    assert missing == [], f"document these root fields (as `name` or `name(args)`) in docs/planner.md: {missing}"


def test_relative_links_lead_to_files() -> None:
    broken = []
    for page in PAGES:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if not target.startswith(("http://", "https://")) and not (page.parent / target).exists():
                broken.append(f"{page.relative_to(ROOT)} -> {target}")
    assert broken == []
