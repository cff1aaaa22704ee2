"""The code stays ruff- and mypy-clean (the contributing rule, enforced by the test command)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing() -> None:
    res = _run("ruff", "check", ".")
    assert res.returncode == 0, res.stdout + res.stderr


def test_mypy_strict_finds_nothing() -> None:
    res = _run("mypy")
    assert res.returncode == 0, res.stdout + res.stderr


def test_mypy_loads_the_pydantic_plugin(tmp_path: Path) -> None:
    # only the plugin knows that a settings class takes its required fields from the environment: without it,
    # mypy reads BaseSettings like any pydantic model and wants `x` passed
    probe = tmp_path / "probe.py"
    probe.write_text("from pydantic_settings import BaseSettings\n\n\nclass S(BaseSettings):\n    x: int\n\n\nS()\n",
                     encoding="utf-8")
    res = _run("mypy", "--config-file", str(ROOT / "pyproject.toml"), "--no-incremental", str(probe))
    assert res.returncode == 0, res.stdout + res.stderr
