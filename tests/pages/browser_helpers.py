"""Headless Chromium for the page tests: find it (or say why not), drive it, save screenshots, serve the API.

Locally a machine without Debian's ``chromium``/``chromium-driver`` skips the browser tests with the reason; with
``CI=true`` the same absence fails them (``.ci/run`` installs the packages, so it must not happen there).
"""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest
from required_tools import require

F = TypeVar("F", bound=Callable[..., Any])

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "reports" / "browser-tests"
CHROME_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,900",
                # no network but this machine: a page that loads from outside shows it by failing here
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1")


def missing_tools() -> list[str]:
    """What the browser tests need and this machine lacks (empty when all is there)."""
    missing = []
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        missing.append("chromium (apt-get install -y chromium)")
    if not shutil.which("chromedriver"):
        missing.append("chromedriver (apt-get install -y chromium-driver)")
    try:
        import selenium  # noqa: F401
    except ModuleNotFoundError:
        missing.append("selenium (pip install -e '.[test]')")
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False).stdout \
        if shutil.which("fc-list") else ""
    if not fonts.strip():
        missing.append("a Chinese font (apt-get install -y fonts-noto-cjk)")
    return missing


def require_browser() -> None:
    """Skip (locally) or fail (CI=true) when a tool is missing, naming it."""
    require(missing_tools(), "browser tests need", ".ci/run installs them; in CI they must run")


@contextmanager
def chrome() -> Iterator[Any]:
    """A headless Chromium session (selenium), closed afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    for flag in CHROME_FLAGS:
        opts.add_argument(flag)
    drv = webdriver.Chrome(options=opts, service=Service(executable_path=shutil.which("chromedriver")))
    try:
        yield drv
    finally:
        drv.quit()


def wait(drv: Any, what: str, fn: Any, timeout: float = 60) -> Any:
    """Wait until ``fn(driver)`` is truthy; fail naming ``what`` (and save a screenshot) otherwise."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(drv, timeout, poll_frequency=0.3).until(lambda d: fn(d))
    except TimeoutException:
        shot(drv, f"timeout-{what.replace(' ', '-')[:40]}")
        pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}")


def quietly_waited(drv: Any, fn: Any, timeout: float) -> bool:
    """Whether ``fn(driver)`` became truthy within ``timeout`` seconds (no failure, no screenshot)."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        WebDriverWait(drv, timeout, poll_frequency=0.3).until(lambda d: fn(d))
    except TimeoutException:
        return False
    return True


def shot(drv: Any, name: str) -> Path:
    """Save a screenshot as an artifact under reports/browser-tests/."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    drv.save_screenshot(str(path))
    return path


#: draws two different Chinese characters on a canvas in the page's font and compares the pixels: real glyphs
#: differ, the boxes shown for a missing font (.notdef) are identical; also returns the text's measured width
GLYPH_CHECK = """
const font = arguments[0];
function draw(ch) {
  const c = document.createElement('canvas'); c.width = 64; c.height = 64;
  const x = c.getContext('2d'); x.font = font; x.fillStyle = '#000'; x.textBaseline = 'top';
  x.fillText(ch, 4, 4);
  return Array.from(x.getImageData(0, 0, 64, 64).data).join(',');
}
const x = document.createElement('canvas').getContext('2d'); x.font = font;
return {same: draw('网') === draw('格'), blank: draw('网') === draw(' '), width: x.measureText('网格').width};
"""


def csp_violations(drv: Any) -> list[str]:
    """Console messages of the page that report a Content-Security-Policy violation."""
    return [e["message"] for e in drv.get_log("browser") if "Content Security Policy" in e["message"]]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve_api(log_dir: Path) -> Iterator[str]:
    """Run the real API (uvicorn) against the test Neo4j; yields its base URL."""
    port = free_port()
    log_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "GRIDLINK_API_HOST": "127.0.0.1", "GRIDLINK_API_PORT": str(port), "GRIDLINK_LANG": "zh"}
    with (log_dir / "api.log").open("ab") as log:
        # csp_app: the real app behind a strict Content-Security-Policy (see tests/pages/csp_app.py)
        proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "csp_app:create_app", "--factory", "--app-dir",
                                 str(Path(__file__).parent), "--host", "127.0.0.1", "--port", str(port),
                                 "--log-level", "warning"], cwd=ROOT, env=env,
                                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2):  # noqa: S310 - local test server
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the API did not start (see {log_dir / 'api.log'})")
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def retried(attempts: int = 3) -> Callable[[F], F]:
    """Run a browser scenario again when the browser, not gridlink, let it down.

    Headless Chromium driving Neo4j Browser and GraphiQL loses a keystroke, a click or Browser's Bolt connection
    now and then on a busy 2-core machine (seen in fresh-clone CI runs: typed text that never reached the editor,
    "No connection found" in a Browser frame). Such a run ends in a :func:`wait` time-out or a WebDriver error and
    is tried again in a new browser; an ``AssertionError`` — gridlink answering wrongly — is never retried.
    """
    from selenium.common.exceptions import WebDriverException

    def wrap(test: F) -> F:
        @functools.wraps(test)
        def run(*args: Any, **kwargs: Any) -> Any:
            for attempt in range(1, attempts + 1):
                try:
                    return test(*args, **kwargs)
                except (pytest.fail.Exception, WebDriverException):
                    if attempt == attempts:
                        raise
            return None

        return run  # type: ignore[return-value]

    return wrap
