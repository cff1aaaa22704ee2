"""Fixtures of the ingest tests; the data and helpers they use live in ingest_fixtures.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import neo4j
import pytest
from ingest_fixtures import division_files, grid_file, write_csv


@pytest.fixture
def places_graph(graph: neo4j.Driver, tmp_path: Path) -> neo4j.Driver:
    """A clean graph with Wuhou's divisions and the two test grids loaded through the ingest."""
    from ingest import ingest_files

    assert ingest_files("divisions", division_files(tmp_path), report=tmp_path / "d.jsonl").rejected == 0
    assert ingest_files("grids", [grid_file(tmp_path)], report=tmp_path / "g.jsonl").loaded == 2
    return graph


@pytest.fixture
def csv_writer(tmp_path: Path) -> Callable[..., Path]:
    """``csv_writer(name, header, rows, encoding='utf-8')`` -> a CSV path in tmp_path."""
    def make(name: str, header: list[str], rows: list[list[Any]], encoding: str = "utf-8") -> Path:
        return write_csv(tmp_path / name, header, rows, encoding)
    return make
