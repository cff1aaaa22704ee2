"""What the page tests share: the list of pages gridlink serves and a parser of the URLs a page loads."""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: every page a person opens, as (path, request headers); the map joins when api/map serves it
PAGES: tuple[tuple[str, dict[str, str]], ...] = (
    ("/graphql", {"accept": "text/html"}),
    ("/docs", {}),
    ("/guide/gridlink.html", {}),
    ("/map", {}),
)
#: attributes that make a browser fetch something
_FETCHING = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src"),
             ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"), ("image", "href")}
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_IMPORT = re.compile(r"@import\s+['\"]([^'\"]+)['\"]")
_JS_URL = re.compile(r"(?:fetch|XMLHttpRequest|import|importScripts|EventSource|WebSocket)\s*\(\s*['\"`]([^'\"`]+)")


class AssetUrls(HTMLParser):
    """Collects every URL an HTML page makes the browser load (tags, inline styles, data-* URLs left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (tag, name) in _FETCHING:
                self.urls.append(value)
            if value and name == "style":
                self.urls += css_urls(value)
        self._style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._style = False

    def handle_data(self, data: str) -> None:
        if self._style:
            self.urls += css_urls(data)


def css_urls(text: str) -> list[str]:
    """URLs a stylesheet loads (``url(...)`` and ``@import``), data: URLs left out."""
    found = _CSS_URL.findall(text) + _IMPORT.findall(text)
    return [u for u in found if not u.startswith("data:")]


def js_urls(text: str) -> list[str]:
    """URLs a page script fetches with a literal argument (``fetch("...")`` and the like)."""
    return _JS_URL.findall(text)


def is_local(url: str) -> bool:
    """A URL on the page's own origin: a path, not ``//host`` and not ``scheme:``."""
    return not url.startswith("//") and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url)
