"""Every page gridlink serves works with no network: it loads nothing from outside the API (issue #14).

The pages are fetched from the real app (no database needed to render them); every URL their HTML, their
stylesheets and gridlink's own scripts load must be on the API's origin and must answer 200.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import urljoin, urlparse

import pytest
from fastapi.testclient import TestClient
from neo4j_helpers import app_client
from pages_helpers import PAGES, AssetUrls, css_urls, is_local, js_urls

from api.vendor import PACKAGES, VENDOR_DIR


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    yield app_client({})


def _page_urls(client: TestClient, path: str, headers: dict[str, str]) -> list[str]:
    resp = client.get(path, headers=headers)
    assert resp.status_code == 200, (path, resp.text[:300])
    assert resp.headers["content-type"].startswith("text/html")
    parser = AssetUrls()
    parser.feed(resp.text)
    return [urljoin(path, u) if is_local(u) else u for u in parser.urls]


def _local_path(url: str) -> str:
    parsed = urlparse(url)
    assert parsed.scheme in ("", "http") and parsed.netloc in ("", "testserver"), f"{url} is not on the API"
    return parsed.path


@pytest.mark.parametrize(("path", "headers"), PAGES, ids=[p for p, _ in PAGES])
def test_page_loads_only_local_assets(client: TestClient, path: str, headers: dict[str, str]) -> None:
    urls = _page_urls(client, path, headers)
    outside = [u for u in urls if not is_local(u) and urlparse(u).netloc != "testserver"]
    assert outside == [], f"{path} loads from outside: {outside}"
    seen: set[str] = set()
    todo = [_local_path(u) for u in urls]
    while todo:  # follow stylesheets and gridlink's scripts to what they load in turn
        asset = todo.pop()
        if asset in seen:
            continue
        seen.add(asset)
        resp = client.get(asset)
        assert resp.status_code == 200, f"{path} needs {asset}, which answers {resp.status_code}"
        if asset.endswith(".css"):
            found = css_urls(resp.text)
        elif asset.endswith(".js") and "/vendor/" not in asset:
            found = js_urls(resp.text)
        else:
            continue
        assert all(is_local(u) for u in found), f"{asset} loads from outside: {[u for u in found if not is_local(u)]}"
        todo += [urlparse(urljoin(asset, u)).path for u in found]
    if path != "/guide/gridlink.html":  # the guide is a fragment Neo4j Browser plays; it has no scripts
        assert any(a.endswith(".js") for a in seen), f"{path} loads no script at all: {sorted(seen)}"


def test_strawberry_page_would_have_used_a_cdn() -> None:
    """The guard above can fail: strawberry's own GraphiQL page (what /graphql served before) is caught."""
    from strawberry.http.ides import get_graphql_ide_html

    parser = AssetUrls()
    parser.feed(get_graphql_ide_html(graphql_ide="graphiql"))
    assert [u for u in parser.urls if not is_local(u)], "strawberry's page no longer loads from a CDN?"


def test_vendored_files_match_the_pins() -> None:
    versions = json.loads((VENDOR_DIR / "VERSIONS.json").read_text(encoding="utf-8"))
    assert versions == {p.name: p.version for p in PACKAGES}
    for pkg in PACKAGES:
        folder = VENDOR_DIR / pkg.folder
        assert (folder / "LICENSE").is_file() or (folder / "LICENSE.md").is_file(), f"{pkg.name} has no licence"
        for rel in pkg.files:
            assert (folder / rel).stat().st_size > 0, f"{pkg.name}/{rel} missing"


def test_vendored_stylesheets_load_nothing_from_outside() -> None:
    for css in VENDOR_DIR.rglob("*.css"):
        outside = [u for u in css_urls(css.read_text(encoding="utf-8")) if not is_local(u)]
        assert outside == [], f"{css.name} loads {outside}"
