"""The Browser pack: the guide generated from the catalog, the GraSS style, the routes and the server settings."""

from __future__ import annotations

import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from graph.server import dist_dir, provision
from graph.settings import get_server_settings
from queries.browser.conf import browser_conf_lines
from queries.browser.guide import chapter_of, params_block, render
from queries.browser.routes import mount_guide, style_text
from queries.catalog import catalog

LABELS = ("Division", "Grid", "Enterprise", "PublicUnit", "SocialOrganization", "PartyOrganization", "Resource",
          "Need", "Project", "Agreement", "Alliance")


class _Runnables(HTMLParser):
    """Collects the text of every <pre class="runnable"> and the slide structure."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[tuple[str | None, str]] = []
        self.slides = 0
        self._role: str | None = None
        self._in_pre = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "slide":
            self.slides += 1
        if tag == "pre" and "runnable" in (a.get("class") or "").split():
            self._in_pre, self._role, self._text = True, a.get("data-role"), []

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre" and self._in_pre:
            self.blocks.append((self._role, "".join(self._text)))
            self._in_pre = False

    def handle_data(self, data: str) -> None:
        if self._in_pre:
            self._text.append(data)


def _parse(html: str) -> _Runnables:
    p = _Runnables()
    p.feed(html)
    return p


def test_guide_runs_every_named_query_with_its_examples() -> None:
    html = render("http://127.0.0.1:8000/guide/gridlink.grass")
    assert '<article class="guide gridlink-guide">' in html and "<carousel" in html
    parsed = _parse(html)
    queries = [text for role, text in parsed.blocks if role == "query"]
    params = [text for role, text in parsed.blocks if role == "params"]
    assert sorted(queries) == sorted(q.text for q in catalog().values())
    assert sorted(params) == sorted(params_block(q) for q in catalog().values() if params_block(q))
    assert parsed.slides == len(catalog()) + 2  # welcome + one per query + next steps
    assert (None, ":style http://127.0.0.1:8000/guide/gridlink.grass") in parsed.blocks


def test_params_block_is_the_header_examples() -> None:
    q = catalog()["explore_resources_by_category"]
    assert params_block(q) == ":param code => '510107005000';\n:param category => 'venue'"


def test_params_block_puts_nulls_first() -> None:
    # Browser silently ignored the old blocks of `:param x => null` lines ending in null (need_list and six others)
    q = catalog()["need_list"]
    block = params_block(q)
    lines = block.split(";\n")
    assert lines[0] == ":param gridUid => null" and not lines[-1].endswith("null")
    assert lines[-3:] == [":param divisionCode => '510107005001'", ":param first => 20", ":param withTotal => true"]
    assert {ln.split()[1] for ln in lines} == set(q.params)


def test_write_queries_have_their_own_chapter_last() -> None:
    from queries.browser.guide import WRITES, group

    chapters = group()
    assert chapters[-1][0] == WRITES
    assert {q.name for q in chapters[-1][1]} == {q.name for q in catalog().values() if q.write}
    assert all(not q.write for _, members in chapters[:-1] for q in members)


def test_guide_keeps_itself_on_screen_and_has_a_legend() -> None:
    from queries.browser.legend import label_colours

    html = render(lang="en")
    assert ":config maxFrames: 50" in html
    for label, name in (("Division", "division"), ("Grid", "grid"), ("PartyOrganization", "party organization"),
                        ("Resource", "resource"), ("Need", "need"), ("Project", "project")):
        # an SVG fill attribute: Browser strips style attributes and <style> from a guide
        assert f'<svg class="swatch swatch-{label}" width="14" height="14"><circle cx="7" cy="7" r="6" ' \
               f'fill="{label_colours()[label]}"/></svg></td><td><b>{name}</b></td><td><code>{label}</code>' in html


def test_legend_names_the_labels_in_chinese_first() -> None:
    """The legend row reads 企业 first, then the label Browser's chips show (Enterprise), then what it is."""
    html = render(lang="zh")
    for label, chinese in (("Division", "区划"), ("Grid", "网格"), ("PartyOrganization", "党组织"),
                           ("Enterprise", "企业"), ("SocialOrganization", "社会组织"), ("Resource", "资源")):
        assert re.search(rf'swatch-{label}".*?</svg></td><td><b>{chinese}</b></td><td><code>{label}</code></td>',
                         html), label
    assert "<td><code>Enterprise</code></td><td></td>" in html  # "企业" is not said twice


def test_chapters_follow_the_analyst_path() -> None:
    assert chapter_of("explore_model_overview").title == "The model"
    assert chapter_of("explore_community_party_chain").title == "Party organizations"
    assert chapter_of("resources_for_grid").title == "Co-construction"
    assert chapter_of("something_new").title == "More named queries"
    assert chapter_of("need_publish", write=True).title == "Write queries"
    html = render()
    order = [html.index(f'data-query="{n}"') for n in ("explore_model_overview", "explore_grids_without_party_branch",
                                                        "explore_community_party_chain", "explore_org_neighbourhood",
                                                        "explore_resources_by_category")]
    assert order == sorted(order)


def test_guide_survives_browsers_html_cleaning() -> None:
    # Browser strips on*= attributes with a case-insensitive regex over the whole text (remoteUtils.cleanHtml):
    # a query containing e.g. " only = 1" would be mangled
    on_handlers = re.compile(r"""(\s+(on[^\s=]+)[^\s=]*\s*=\s*("[^"]*"|'[^']*'|[\w\-.:]+\s*))""", re.IGNORECASE)
    html = render("http://127.0.0.1:8000/guide/gridlink.grass")
    assert on_handlers.findall(html) == []
    assert "<script" not in html.lower()


def _parse_grass(text: str) -> dict[str, dict[str, str]]:
    """Python port of Browser's parseGrassCSS (grassUtils.ts): quotes toggle strings, ';' and ':' split."""
    rules: dict[str, str] = {}
    keyword, props, in_string, in_props, in_binding = "", "", False, False, False
    for c in text:
        if c == "{" and not in_string:
            if in_props:
                in_binding = True
            else:
                in_props = True
            continue
        if c == "}" and not in_string:
            if in_binding:
                in_binding = False
            else:
                in_props = False
                rules[keyword], keyword, props = props, "", ""
            continue
        if c in "'\"":
            in_string = not in_string
            continue
        if in_props:
            props += c
        elif not c.isspace():
            keyword += c
    out: dict[str, dict[str, str]] = {}
    for sel, body in rules.items():
        kv = [p.split(":") for p in body.split(";")]
        out[sel] = {p[0].strip(): p[1].strip() for p in kv if len(p) == 2}
    return out


def test_style_has_color_size_and_caption_per_label() -> None:
    rules = _parse_grass(style_text())
    assert {"node", "relationship"} <= set(rules)
    assert all(sel in ("node", "relationship") or sel.startswith(("node.", "relationship.")) for sel in rules)
    for label in LABELS:
        rule = rules[f"node.{label}"]
        assert re.fullmatch(r"#[0-9A-F]{6}", rule["color"]), label
        # areas and party organizations by their short display name (graph/names.py): Browser cuts captions short
        wanted = "{shortName}" if label in ("Division", "Grid", "PartyOrganization", "Enterprise", "PublicUnit",
                                            "SocialOrganization", "Resource") else ("{name}", "{title}")
        assert rule["diameter"].endswith("px") and rule["caption"] in wanted, label
    colors = [rules[f"node.{label}"]["color"] for label in LABELS]
    assert len(set(colors)) == len(colors)
    assert rules["node.PartyMember"]["caption"] == "{status}"  # never a member's name


def test_routes_serve_guide_and_style_to_the_browser_origin() -> None:
    app = FastAPI()
    mount_guide(app, "http://127.0.0.1:8000/guide")
    client = TestClient(app, base_url="http://127.0.0.1:8000")
    origin = {"Origin": "http://127.0.0.1:7474"}
    # the guide fetch sends pragma and cache-control: a preflighted request
    pre = client.options("/guide/gridlink.html", headers={**origin, "Access-Control-Request-Method": "GET",
                                                          "Access-Control-Request-Headers": "pragma,cache-control"})
    assert pre.status_code == 200
    assert pre.headers["access-control-allow-origin"] == "*"
    assert set(pre.headers["access-control-allow-headers"].split(",")) == {"pragma", "cache-control"}
    guide = client.get("/guide/gridlink.html", headers=origin)
    assert guide.status_code == 200 and guide.headers["access-control-allow-origin"] == "*"
    assert ":style http://127.0.0.1:8000/guide/gridlink.grass" in guide.text
    style = client.get("/guide/gridlink.grass", headers=origin)
    assert style.status_code == 200 and style.text == style_text()


def test_the_guide_never_reflects_the_host_header() -> None:
    """Issue #11: the ``:style`` link was built from the request, so a forged Host header ended up in the page."""
    app = FastAPI()
    mount_guide(app, "http://127.0.0.1:8000/guide")
    client = TestClient(app, base_url="http://127.0.0.1:8000")
    forged = client.get("/guide/gridlink.html", headers={"Host": "evil.example\"><script>alert(1)</script>"})
    assert forged.status_code == 200
    assert "evil.example" not in forged.text and "<script>alert" not in forged.text
    assert ":style http://127.0.0.1:8000/guide/gridlink.grass" in forged.text


def test_conf_lines_play_the_guide_and_apply_the_style() -> None:
    lines = dict(line.split("=", 1) for line in browser_conf_lines("0.0.0.0", 8123))  # noqa: S104 - nothing binds

    assert lines == {
        "browser.remote_content_hostname_whitelist": "127.0.0.1,localhost,guides.neo4j.com",
        "browser.post_connect_cmd": "config maxFrames: 50; play http://127.0.0.1:8123/guide/gridlink.html; "
                                    "style http://127.0.0.1:8123/guide/gridlink.grass",
    }


def _validate(conf_dir: Path, lines: list[str]) -> subprocess.CompletedProcess[str]:
    s = get_server_settings()
    provision(s, quiet=True)
    (conf_dir / "conf").mkdir(parents=True, exist_ok=True)
    (conf_dir / "conf" / "neo4j.conf").write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = {**os.environ, "NEO4J_HOME": str(conf_dir), "NEO4J_CONF": str(conf_dir / "conf")}
    return subprocess.run(["java", "-cp", f"{dist_dir(s) / 'lib'}/*", "org.neo4j.server.startup.Neo4jAdminCommand",
                           "server", "validate-config"], env=env, capture_output=True, text=True, timeout=120,
                          check=False)


@pytest.mark.neo4j
def test_neo4j_strict_validation_accepts_the_browser_settings(tmp_path: Path) -> None:
    ok = _validate(tmp_path / "ok", browser_conf_lines("127.0.0.1", 8000))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    # and it does reject an undeclared name (the allowlist spelling that 5.26 does not know)
    bad = _validate(tmp_path / "bad", ["browser.remote_content_hostname_allowlist=127.0.0.1"])
    assert bad.returncode != 0 and "Unrecognized setting" in bad.stdout + bad.stderr
