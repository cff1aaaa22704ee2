"""The layout rules (docs/contributing.md), checked by parsing every module of the five packages.

* Imports point down only: ``graph`` < ``queries`` < ``ingest``, ``api`` < ``gridlink``; ``ingest`` and ``api``
  never import each other. Every import counts: module level, inside functions, under ``TYPE_CHECKING``.
* No import cycle between packages.
* A module over 300 lines says why at its top: a line starting with ``Size:`` in its docstring, or a ``# size:``
  comment before the code, followed by the reason.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: the layer of each package: a module may import its own package and packages of a lower layer only
LAYERS = {"graph": 0, "queries": 1, "ingest": 2, "api": 2, "gridlink": 3}
MAX_LINES = 300
_SIZE_REASON = re.compile(r"^\s*(?:#\s*size|size):\s*\S+(?:\s+\S+){2,}", re.IGNORECASE)
_HEADER_LINES = 40  # where the reason must be: the docstring or comments at the top


def modules(root: Path = ROOT) -> Iterator[tuple[str, Path]]:
    """(package, path) of every Python module of the layered packages under ``root``."""
    for package in LAYERS:
        for path in sorted((root / package).rglob("*.py")):
            yield package, path


def imported_packages(path: Path, package: str) -> Iterator[tuple[int, str]]:
    """(line, top-level package) of every import in the module, wherever it stands in the file."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            # a relative import stays inside the module's own package
            yield node.lineno, package if node.level else (node.module or "").split(".")[0]


def layer_violations(root: Path = ROOT) -> list[str]:
    """Every import of a package from a higher layer, or between the two packages of the same layer."""
    found = []
    for package, path in modules(root):
        for line, target in imported_packages(path, package):
            if target in LAYERS and target != package and LAYERS[target] >= LAYERS[package]:
                found.append(f"{path.relative_to(root)}:{line}: {package} (layer {LAYERS[package]}) imports "
                             f"{target} (layer {LAYERS[target]})")
    return found


def package_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """Which packages each package imports (itself left out)."""
    graph: dict[str, set[str]] = {p: set() for p in LAYERS}
    for package, path in modules(root):
        graph[package] |= {t for _, t in imported_packages(path, package) if t in LAYERS and t != package}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles of the package graph, each as the path that closes it (depth-first search)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                found.append([*path[path.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    return found


def oversized_without_reason(root: Path = ROOT) -> list[str]:
    """Modules over :data:`MAX_LINES` lines with no ``Size:`` / ``# size:`` line at their top."""
    found = []
    for _, path in modules(root):
        lines = path.read_text(encoding="utf-8").splitlines()
        if len(lines) > MAX_LINES and not any(_SIZE_REASON.match(line) for line in lines[:_HEADER_LINES]):
            found.append(f"{path.relative_to(root)}: {len(lines)} lines and no reason at its top")
    return found


def test_every_import_points_down() -> None:
    assert layer_violations() == []


def test_no_import_cycle_between_packages() -> None:
    assert cycles(package_graph()) == []


def test_modules_over_300_lines_say_why() -> None:
    assert oversized_without_reason() == []


@pytest.fixture
def fake_tree(tmp_path: Path) -> Path:
    """A copy of the layout in miniature, every package empty but for an ``__init__.py``."""
    for package in LAYERS:
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text('"""Empty."""\n', encoding="utf-8")
    return tmp_path


def test_the_checks_catch_an_upward_import_inside_a_function(fake_tree: Path) -> None:
    (fake_tree / "graph" / "cli.py").write_text("def main():\n    from api.cli import serve\n", encoding="utf-8")
    (fake_tree / "api" / "cli.py").write_text("from graph.cli import main\nfrom . import x\n", encoding="utf-8")

    assert layer_violations(fake_tree) == ["graph/cli.py:2: graph (layer 0) imports api (layer 2)"]
    assert cycles(package_graph(fake_tree)) == [["api", "graph", "api"]]


def test_the_checks_catch_a_sideways_import_under_type_checking(fake_tree: Path) -> None:
    (fake_tree / "ingest" / "x.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                               "    import api.settings\n", encoding="utf-8")

    assert layer_violations(fake_tree) == ["ingest/x.py:3: ingest (layer 2) imports api (layer 2)"]


def test_the_size_rule_wants_a_written_reason(fake_tree: Path) -> None:
    body = "x = 1\n" * MAX_LINES
    (fake_tree / "queries" / "big.py").write_text('"""Big."""\n' + body, encoding="utf-8")
    (fake_tree / "queries" / "ok.py").write_text('"""Big.\n\nSize: one table of the 19 categories.\n"""\n' + body,
                                                 encoding="utf-8")
    (fake_tree / "queries" / "ok2.py").write_text("# size: generated lookup table, one line per code\n" + body,
                                                  encoding="utf-8")
    (fake_tree / "queries" / "small.py").write_text("x = 1\n" * MAX_LINES, encoding="utf-8")

    assert oversized_without_reason(fake_tree) == [f"queries/big.py: {MAX_LINES + 1} lines and no reason at its top"]
