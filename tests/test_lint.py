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


def test_every_noqa_silences_a_rule_ruff_checks() -> None:
    # a noqa comment naming a rule that is not selected silences nothing; it only misleads the reader
    import re
    import tomllib

    selected = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]["lint"]["select"]

    def checked(code: str) -> bool:  # E501 is under E; B904 under B but not under BLE
        letters = re.match(r"[A-Z]+", code)
        return any(code.startswith(s) and letters is not None and letters.group() == re.sub(r"[0-9]+$", "", s)
                   for s in selected)

    dead = []
    for path in sorted(ROOT.rglob("*.py")):
        if any(part.startswith(".") for part in path.relative_to(ROOT).parts):
            continue  # .venv, .git
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            noqa = re.search(r"#\s*noqa:\s*([A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)", line)
            codes = re.findall(r"[A-Z]+[0-9]+", noqa[1]) if noqa else []
            dead += [f"{path.relative_to(ROOT)}:{n}: {code}" for code in codes if not checked(code)]
    assert dead == [], f"these noqa codes name rules ruff does not select ({selected}): {dead}"
