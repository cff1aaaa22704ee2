"""Chinese first, English on request, from one gettext catalog (graph/locale)."""

from __future__ import annotations

import io

import pytest
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient
from neo4j_helpers import app_client

from graph.i18n import LOCALE_DIR, pick
from queries.browser.guide import CHAPTERS, MORE, WRITES, render
from queries.browser.legend import LEGEND
from queries.catalog import catalog

PO = LOCALE_DIR / "zh_CN" / "LC_MESSAGES" / "gridlink.po"


def _po() -> dict[str, str]:
    with PO.open("rb") as f:
        return {str(m.id): str(m.string) for m in read_po(f) if m.id}


def test_compiled_catalog_is_current() -> None:
    with PO.open("rb") as f:
        catalog_po = read_po(f)
    buf = io.BytesIO()
    write_mo(buf, catalog_po)
    with PO.with_suffix(".mo").open("rb") as f:
        shipped = {m.id: m.string for m in read_mo(f) if m.id}
    fresh = {m.id: m.string for m in read_mo(io.BytesIO(buf.getvalue())) if m.id}
    assert shipped == fresh, "run `python -m graph.i18n` after editing gridlink.po"


def test_guide_chrome_and_query_titles_are_translated() -> None:
    po = _po()
    wanted = [c.title for c in (*CHAPTERS, MORE, WRITES)] + [c.lead for c in (*CHAPTERS, MORE, WRITES)]
    wanted += [text for _, name, text in LEGEND for text in (name, text)] + [q.title for q in catalog().values()]
    wanted += [q.description for q in catalog().values()]  # a slide's text: English there is English in the guide
    missing = [m for m in wanted if not po.get(m)]
    assert missing == [], ("the guide is Chinese first: add these msgids with their Chinese to "
                           "graph/locale/zh_CN/LC_MESSAGES/gridlink.po, then run `python -m graph.i18n`")


def test_language_is_chinese_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRIDLINK_LANG", raising=False)
    assert pick(None) == "zh" and pick("en") == "en" and pick("en-US") == "en" and pick("fr") == "zh"
    monkeypatch.setenv("GRIDLINK_LANG", "en")
    assert pick(None) == "en" and pick("zh") == "zh"
    assert "颜色图例" in render(lang="zh") and "Colour legend" in render(lang="en")
    assert "颜色图例" not in render(lang="en")


@pytest.mark.parametrize(("path", "zh", "en"), [
    ("/guide/gridlink.html", "哪些资源能服务这个网格", "Which resources could serve this grid"),
    ("/docs", "接口文档", "API docs"),
])
def test_pages_follow_lang_parameter(path: str, zh: str, en: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRIDLINK_LANG", raising=False)
    client: TestClient = app_client({})
    assert zh in client.get(path).text
    english = client.get(path, params={"lang": "en"}).text
    assert en in english and zh not in english
