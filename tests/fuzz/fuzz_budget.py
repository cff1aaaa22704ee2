"""Budgets and the case tally of the fuzz tests (a uniquely named module: several folders have a conftest.py).

Every property test takes its example count from :func:`fuzz_settings`, so one knob scales the whole folder:

* CI (default): ``derandomize=True`` (the same examples every run, so a red CI is reproducible) and the
  example counts written next to each test, sized so that ``pytest tests/fuzz`` stays under ~90 s on 2 cores.
* Long runs: ``GRIDLINK_FUZZ_SCALE=20`` multiplies every count and ``GRIDLINK_FUZZ_SEED=<int>`` switches to
  random generation from that seed (``python -m gridlink.bench.fuzz_long_run --minutes N`` sets both, round
  after round).

:func:`counted` tallies the cases each test really ran (shrinking and replays included); the fuzz conftest
prints the tally at the end of the session and writes it to ``$GRIDLINK_FUZZ_TALLY`` (JSON) when set.
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings

F = TypeVar("F", bound=Callable[..., Any])

#: cases run per test function name in this process
TALLY: Counter[str] = Counter()


def scale() -> float:
    """The example-count multiplier (``GRIDLINK_FUZZ_SCALE``, default 1)."""
    return float(os.environ.get("GRIDLINK_FUZZ_SCALE", "1"))


def seed() -> int | None:
    """The random seed of a long run (``GRIDLINK_FUZZ_SEED``); ``None`` in CI (derandomized)."""
    raw = os.environ.get("GRIDLINK_FUZZ_SEED")
    return int(raw) if raw else None


def fuzz_settings(examples: int, **kw: Any) -> settings:
    """Hypothesis settings with ``examples`` (times the scale), no deadline, derandomized unless seeded.

    Function-scoped fixtures are allowed: the tests that use them reset what they touch in each example.
    """
    return settings(max_examples=max(1, int(examples * scale())), deadline=None, derandomize=seed() is None,
                    database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large, HealthCheck.large_base_example],
                    **kw)


def counted(fn: F) -> F:
    """Count each call of a property body under its function name (put it below ``@given``)."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        TALLY[fn.__name__] += 1
        return fn(*args, **kwargs)

    return wrapper  # type: ignore[return-value]
