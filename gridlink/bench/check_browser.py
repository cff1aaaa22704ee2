"""Headless Chromium check of the Neo4j Browser pack: connect, see the guide, draw a grid's ranking as a styled graph.

A script, not a pytest test: Chromium is not on a fresh machine. It installs nothing; when Chromium, chromedriver
or selenium is missing it says how to get them (``apt-get install -y chromium chromium-driver`` and
``pip install -e '.[test]'``) and exits 2.

Two ways to run it::

    # against a running stack (`gridlink up`, or `gridlink db start` + `gridlink serve`), default ports
    .venv/bin/python -m gridlink.bench.check_browser

    # self-contained: (re)start the local Neo4j on these ports with the Browser settings, load the demo data
    # (generated and loaded when absent), serve the API, check, stop what it started
    .venv/bin/python -m gridlink.bench.check_browser --start --bolt-port 17704 --http-port 17404 --api-port 17904

Screenshots (and the API's log) go to ``--out`` (default ``reports/browser/``). Exit 0 when the guide played (in
Chinese, or English with ``GRIDLINK_LANG=en``), the ranking slide (resources_for_grid_graph) ran and drew the grid,
its resources and the scores on the COULD_SERVE relationships in the gridlink style; 1 when any of that failed (the
message says which); 2 when a tool is missing.

Size: one end-to-end check, read top to bottom: server, data, API, Chromium, the three checks and the clean-up
share one log and one teardown.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CHROME_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1600,1300")
GUIDE_MARKS = ("哪些资源能服务这个网格", "Which resources could serve this grid")  # the guide's lead, zh or en
QUERY_NAME = "resources_for_grid_graph"
QUERY_MARK = "apoc.create.vRelationship"


class CheckFailed(Exception):
    """The guide, the query or the style did not show as expected."""


def _tools() -> tuple[str, str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver = shutil.which("chromedriver")
    missing = []
    if not chromium or not driver:
        missing.append("apt-get install -y chromium chromium-driver")
    try:
        import selenium  # noqa: F401
    except ModuleNotFoundError:
        missing.append(".venv/bin/pip install -e '.[test]'   (selenium)")
    if missing:
        print("missing tools; install them with:\n  " + "\n  ".join(missing), file=sys.stderr)
        sys.exit(2)
    assert chromium and driver
    return chromium, driver


def _configure(args: argparse.Namespace) -> None:
    """Point the gridlink settings at the chosen ports before anything reads them."""
    env = {"GRIDLINK_API_PORT": str(args.api_port), "GRIDLINK_API_HOST": "127.0.0.1"}
    if args.start:
        env.update({
            "GRIDLINK_NEO4J_BOLT_PORT": str(args.bolt_port), "GRIDLINK_NEO4J_HTTP_PORT": str(args.http_port),
            "NEO4J_URI": f"bolt://127.0.0.1:{args.bolt_port}",
        })
    if args.password:
        env["NEO4J_PASSWORD"] = args.password
    os.environ.update(env)
    from api.settings import reset_api_settings
    from graph.settings import reset_settings

    reset_settings()
    reset_api_settings()


def _ensure_server(log: list[str]) -> bool:
    """Start the local Neo4j with the Browser settings (restart it when it runs without them)."""
    from graph import server
    from graph.driver import close_driver, get_driver
    from graph.schema import migrate
    from graph.settings import get_server_settings
    from gridlink.cli import browser_conf

    s = get_server_settings()
    conf = browser_conf()
    wanted = dict(line.split("=", 1) for line in conf)
    if server.status(s).running:
        records, _, _ = get_driver().execute_query("CALL dbms.clientConfig() YIELD name, value RETURN name, value")
        have = {r["name"]: r["value"] for r in records}
        if all(have.get(k) == v for k, v in wanted.items()):
            log.append("neo4j: already running with the Browser settings")
            migrate(get_driver())
            return False
        log.append("neo4j: restarting to apply the Browser settings")
        close_driver()
        server.stop(s)
    server.start(s, quiet=True, extra_conf=conf)
    migrate(get_driver())
    log.append(f"neo4j: started on bolt {s.bolt_port}, http {s.http_port}")
    return True


def _ensure_data(log: list[str]) -> None:
    from rich.console import Console

    from graph.driver import get_driver
    from gridlink.demo import ensure_demo_loaded

    loaded = ensure_demo_loaded(Console(stderr=True), get_driver())
    log.append("data: demo loaded" if loaded else "data: demo already loaded")


def _start_api(port: int, log: list[str], out: Path) -> subprocess.Popen[bytes] | None:
    url = f"http://127.0.0.1:{port}/guide/gridlink.html"
    if _http_ok(url):
        log.append(f"api: already serving {url}")
        return None
    # the API's output goes to a file: an inherited stdout would keep a caller's pipe open with --keep-running
    out.mkdir(parents=True, exist_ok=True)
    api_log = (out / "api.log").open("ab")  # next to the screenshots: --out is honoured for everything written
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory", "--host", "127.0.0.1",
                             "--port", str(port), "--log-level", "warning"], cwd=ROOT, env=dict(os.environ),
                            stdin=subprocess.DEVNULL, stdout=api_log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if _http_ok(url):
            log.append(f"api: started (pid {proc.pid}), serving {url}")
            return proc
        if proc.poll() is not None:
            raise CheckFailed(f"the API exited with {proc.returncode} before serving {url}")
        time.sleep(0.5)
    proc.terminate()
    raise CheckFailed(f"the API did not serve {url} within 60s")


def _http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:  # noqa: S310 - fixed local URL
            return bool(resp.status == 200)
    except OSError:
        return False


def _browser(chromium: str, chromedriver: str, profile: str) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for flag in (*CHROME_FLAGS, f"--user-data-dir={profile}"):
        opts.add_argument(flag)
    return webdriver.Chrome(options=opts, service=Service(executable_path=chromedriver))


def _wait(drv: Any, what: str, fn: Any, timeout: float) -> Any:
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(drv, timeout, poll_frequency=0.3).until(lambda d: fn(d))
    except TimeoutException:
        raise CheckFailed(f"timed out after {timeout:.0f}s waiting for {what}") from None


def _errors_on_page(drv: Any) -> str:
    from selenium.webdriver.common.by import By

    texts = [e.text for e in drv.find_elements(By.CSS_SELECTOR, "[data-testid='frameContents']")
             if "Remote guide error" in e.text or "Hostname is not allowed" in e.text or "Could not parse" in e.text
             or "InvalidGrass" in e.text]
    return " | ".join(t.replace("\n", " ")[:200] for t in texts)


def _visible_block(drv: Any, role: str, mark: str | None = None) -> Any:
    from selenium.webdriver.common.by import By

    for el in drv.find_elements(By.CSS_SELECTOR, f"pre.runnable[data-role='{role}']"):
        if el.is_displayed() and (mark is None or mark in el.text):
            return el
    return None


def _run_check(args: argparse.Namespace, chromium: str, chromedriver: str, out: Path, log: list[str]) -> None:
    from selenium.webdriver.common.by import By

    from queries.browser.routes import style_text

    base = f"http://127.0.0.1:{args.http_port}/browser/?dbms=bolt://neo4j@127.0.0.1:{args.bolt_port}"
    password = os.environ.get("NEO4J_PASSWORD", "gridlink-dev")
    with tempfile.TemporaryDirectory(prefix="gridlink-chromium-") as profile:
        drv = _browser(chromium, chromedriver, profile)
        try:
            drv.get(base)
            field = _wait(drv, "the connect form", lambda d: d.find_elements(By.CSS_SELECTOR,
                                                                             "[data-testid='password']"), 60)[0]
            field.send_keys(password)
            drv.save_screenshot(str(out / "01-connect.png"))
            drv.find_element(By.CSS_SELECTOR, "[data-testid='connect']").click()
            # the post-connect command plays the guide and applies the style
            try:
                _wait(drv, "the gridlink guide", lambda d: any(
                    mark in d.find_element(By.TAG_NAME, "body").text for mark in GUIDE_MARKS), args.timeout)
            except CheckFailed as e:
                drv.save_screenshot(str(out / "02-guide-missing.png"))
                raise CheckFailed(f"guide not shown: {e}; {_errors_on_page(drv) or 'no error frame'}") from None
            drv.save_screenshot(str(out / "02-guide.png"))
            log.append("guide: played after connecting")
            problems = _errors_on_page(drv)
            if problems:
                raise CheckFailed(f"an error frame appeared: {problems}")
            # walk the carousel to the neighbourhood query's slide
            for _ in range(60):
                if _visible_block(drv, "query", QUERY_MARK) is not None:
                    break
                drv.find_element(By.CSS_SELECTOR, "[data-testid='nextSlide']").click()
                time.sleep(0.2)
            else:
                raise CheckFailed(f"no slide of the guide shows {QUERY_NAME}")
            params = _visible_block(drv, "params")
            drv.execute_script("arguments[0].scrollIntoView({block: 'center'});", params)
            drv.save_screenshot(str(out / "03-guide-slide.png"))
            params.find_element(By.CSS_SELECTOR, "i.fa-play-circle-o").click()
            time.sleep(1.0)
            query = _visible_block(drv, "query", QUERY_MARK)
            query.find_element(By.CSS_SELECTOR, "i.fa-play-circle-o").click()
            _wait(drv, "the graph of the guide query",
                  lambda d: len(d.find_elements(By.CSS_SELECTOR, "svg g.node")) >= 3, args.timeout)
            time.sleep(2.5)  # let the force layout settle for the screenshot
            scores = [t.text for t in drv.find_elements(By.CSS_SELECTOR, "svg g.relationship text") if t.text]
            if sum(1 for t in scores if t.isdigit()) < 3:
                raise CheckFailed(f"the ranking graph shows no scores on its relationships (captions {scores[:10]})")
            fills = {c.get_attribute("fill").upper() for c in drv.find_elements(By.CSS_SELECTOR, "svg g.node circle")
                     if c.get_attribute("fill")}
            captions = [t.text for t in drv.find_elements(By.CSS_SELECTOR, "svg g.node text") if t.text]
            frame = drv.find_elements(By.CSS_SELECTOR, "svg g.node")[0]
            drv.execute_script("arguments[0].scrollIntoView({block: 'center'});", frame)
            drv.save_screenshot(str(out / "04-styled-graph.png"))
            ours = {line.split(":", 1)[1].strip().rstrip(";").upper() for line in style_text().splitlines()
                    if line.strip().startswith("color:")}
            styled = fills & ours - {"#A5ABB6"}
            log.append(f"graph: {len(fills)} node colours, {len(styled)} from the gridlink style, "
                       f"captions e.g. {captions[:3]}, scores on the relationships e.g. {scores[:5]}")
            if len(styled) < 2:
                raise CheckFailed(f"the graph is not in the gridlink style (node fills {sorted(fills)})")
        finally:
            drv.quit()


def main(argv: list[str] | None = None) -> int:
    """Run the check; see the module docstring for the exit codes."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--start", action="store_true", help="(re)start Neo4j with the Browser settings, load data, "
                   "serve the API, and stop what was started at the end")
    p.add_argument("--bolt-port", type=int, default=int(os.environ.get("GRIDLINK_NEO4J_BOLT_PORT", "7687")))
    p.add_argument("--http-port", type=int, default=int(os.environ.get("GRIDLINK_NEO4J_HTTP_PORT", "7474")))
    p.add_argument("--api-port", type=int, default=int(os.environ.get("GRIDLINK_API_PORT", "8000")))
    p.add_argument("--password", default=None, help="Neo4j password (default NEO4J_PASSWORD or gridlink-dev)")
    p.add_argument("--out", type=Path, default=ROOT / "reports" / "browser", help="screenshot folder")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for each step")
    p.add_argument("--keep-running", action="store_true", help="with --start: leave Neo4j and the API running")
    args = p.parse_args(argv)
    chromium, chromedriver = _tools()
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False).stdout \
        if shutil.which("fc-list") else ""
    if not fonts.strip():  # captions would show as boxes and the check would pass on them
        print("missing tools; install them with:\n  apt-get install -y fonts-noto-cjk   (a Chinese font)",
              file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    _configure(args)
    args.out.mkdir(parents=True, exist_ok=True)
    log: list[str] = []
    api: subprocess.Popen[bytes] | None = None
    started_db = False
    t0 = time.monotonic()
    try:
        if args.start:
            started_db = _ensure_server(log)
            _ensure_data(log)
            api = _start_api(args.api_port, log, args.out)
        _run_check(args, chromium, chromedriver, args.out, log)
        ok = True
    except CheckFailed as e:
        log.append(f"FAILED: {e}")
        ok = False
    finally:
        if api is not None and not args.keep_running:
            api.terminate()
            api.wait(timeout=30)
        if started_db and not args.keep_running:
            from graph import server
            from graph.driver import close_driver

            close_driver()
            server.stop()
    print("\n".join(log))
    print(f"{'ok' if ok else 'FAILED'} in {time.monotonic() - t0:.1f}s; screenshots in {args.out}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
