"""Fuzz-test plumbing: a seeded random generator per long run, and the tally of cases printed at the end."""

from __future__ import annotations

import json
import os
import random

import pytest
from fuzz_budget import TALLY, seed
from hypothesis import seed as hypothesis_seed


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """In a seeded long run, give every property test the run's seed (CI runs are derandomized instead)."""
    s = seed()
    if s is None:
        return
    for item in items:
        fn = getattr(item, "obj", None)
        inner = getattr(getattr(fn, "hypothesis", None), "inner_test", None)
        if inner is not None:
            # a different but reproducible seed per test: the run's seed mixed with the test's name
            hypothesis_seed(random.Random(f"{s}:{item.name}").getrandbits(64))(fn)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print how many cases each property test ran; save them for ``long_run`` when asked."""
    if not TALLY:
        return
    terminalreporter.section("fuzz cases run")
    for name, n in sorted(TALLY.items()):
        terminalreporter.write_line(f"{n:8d}  {name}")
    terminalreporter.write_line(f"{sum(TALLY.values()):8d}  total")
    path = os.environ.get("GRIDLINK_FUZZ_TALLY")
    if path:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(dict(TALLY), f)
