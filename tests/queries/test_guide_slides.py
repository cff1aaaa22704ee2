"""Every slide of the Browser guide runs as an analyst would run it: its ``:params`` block, then its query.

On the default demo set (the one ``gridlink up`` loads): the parameter block is evaluated the way Neo4j Browser
evaluates it (``RETURN {...}`` on the server), then the slide's query runs with exactly those parameters and must
return at least one row that is not empty. The write slides run in guide order inside one transaction that is
rolled back, so the claim sees the need and resource the slides before it published.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import neo4j
import pytest
from neo4j_helpers import wipe
from rich.console import Console

from queries.browser.guide import WRITES, group, render

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

#: slides whose right answer on the demo is "none": they must run and return exactly no row
EMPTY_ON_DEMO = {
    "explore_grids_without_party_branch": "every demo grid has its 网格党支部 (tests/gridlink/test_demo_links.py)",
}


class _Slides(HTMLParser):
    """(query name, params text, query text) of every query slide, in guide order."""

    def __init__(self) -> None:
        super().__init__()
        self.slides: list[dict[str, str]] = []
        self._role: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "slide" and a.get("data-query"):
            self.slides.append({"name": a["data-query"] or ""})
        if tag == "pre" and a.get("data-role") in ("params", "query") and self.slides:
            self._role, self._text = a["data-role"], []

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre" and self._role:
            self.slides[-1][self._role] = "".join(self._text)
            self._role = None

    def handle_data(self, data: str) -> None:
        if self._role:
            self._text.append(data)


def _slides() -> list[dict[str, str]]:
    parser = _Slides()
    parser.feed(render("http://127.0.0.1:8000/guide/gridlink.grass"))
    return parser.slides


_DEMO: dict[str, Path] = {}


@pytest.fixture(scope="module")
def demo(driver: neo4j.Driver, tmp_path_factory: pytest.TempPathFactory) -> neo4j.Driver:
    from gridlink.demo.generate import generate
    from gridlink.demo.load import DEFAULTS, load_set

    folder: Path = tmp_path_factory.mktemp("guide-demo")
    _DEMO["folder"] = folder
    generate(folder, **DEFAULTS)
    wipe(driver)
    load_set(folder, Console(file=io.StringIO()), generate_if_missing=False, driver=driver)
    return driver


def _floats(value: Any) -> Any:
    """Browser keeps a ``:params`` map's numbers as JavaScript numbers: integers come back as floats."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return float(value)
    if isinstance(value, dict):
        return {k: _floats(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_floats(v) for v in value]
    return value


def _browser_params(tx: neo4j.ManagedTransaction | neo4j.Transaction, block: str) -> dict[str, Any]:
    """What Browser does with a parameter block: the ``:params {...}`` map evaluated on the server (its integers
    turned to floats), then each ``:param x => expr`` line evaluated on its own (its type kept)."""
    lines = [ln.strip().rstrip(";") for ln in block.split(";\n")]
    params: dict[str, Any] = {}
    m = re.fullmatch(r":params (\{.*\})", lines[0], re.DOTALL)
    if m:
        first = tx.run(f"RETURN {m.group(1)} AS p").single()
        assert first is not None
        params = _floats(first["p"])
        lines = lines[1:]
    for line in lines:
        one = re.fullmatch(r":param (\w+) => (.+)", line, re.DOTALL)
        assert one, f"not a :param line: {line!r}"
        value = tx.run(f"RETURN {one.group(2)} AS v").single()
        assert value is not None
        params[one.group(1)] = value["v"]
    return params


def _not_empty(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_not_empty(v) for k, v in value.items() if k not in ("found", "problems", "replayed"))
    if isinstance(value, list):
        return bool(value)
    return value is not None and value is not False


def _run_slide(tx: neo4j.Transaction, slide: dict[str, str]) -> list[dict[str, Any]]:
    params = _browser_params(tx, slide["params"]) if slide.get("params") else {}
    rows = [r.data() for r in tx.run(slide["query"], params)]
    return rows


def _check_rows(name: str, rows: list[dict[str, Any]]) -> None:
    assert rows, f"{name}: the slide's query returned no row"
    assert any(_not_empty(r) for r in rows), f"{name}: every row is empty: {rows[:2]}"
    problems = [r["problems"] for r in rows if r.get("problems")]
    assert problems == [], f"{name}: the slide's parameters name things that do not exist: {problems}"


def test_every_slide_has_a_runnable_params_block() -> None:
    slides = _slides()
    assert len(slides) >= 30
    for slide in slides:
        params = slide.get("params", "")
        assert not params.rstrip().endswith("null"), f"{slide['name']}: Browser ignores a block ending in null"
        if params.startswith(":params"):
            assert params.count(":param") == 1 and "null" in params, f"{slide['name']}: a map only of nulls"


def test_every_read_slide_returns_rows_on_the_demo(demo: neo4j.Driver) -> None:
    writes = {q.name for chapter, members in group() if chapter == WRITES for q in members}
    failures = []
    with demo.session(database="neo4j") as session:
        for slide in _slides():
            if slide["name"] in writes:
                continue
            with session.begin_transaction() as tx:
                try:
                    rows = _run_slide(tx, slide)
                    if slide["name"] in EMPTY_ON_DEMO:
                        assert rows == [], f"{slide['name']}: expected no row ({EMPTY_ON_DEMO[slide['name']]})"
                    else:
                        _check_rows(slide["name"], rows)
                except (AssertionError, neo4j.exceptions.Neo4jError) as e:
                    failures.append(f"{slide['name']}: {e}")
                tx.rollback()
    assert not failures, "\n".join(failures)


def test_write_slides_run_in_order_on_the_demo(demo: neo4j.Driver) -> None:
    writes = [q.name for chapter, members in group() if chapter == WRITES for q in members]
    chain = ["resource_publish", "need_publish", "project_claim", "project_advance"]
    assert writes[:4] == chain  # the chapter opens with the chain; other write queries follow it
    writes = chain
    slides = {s["name"]: s for s in _slides()}
    with demo.session(database="neo4j") as session, session.begin_transaction() as tx:
        for name in writes:
            _check_rows(name, _run_slide(tx, slides[name]))
        tx.rollback()


def test_ranking_slide_draws_the_scores_on_relationships(demo: neo4j.Driver) -> None:
    """The headline question as a graph: the slide returns grid and resource nodes joined by COULD_SERVE
    relationships whose score and rank are those of resources_for_grid, in its order; nothing is stored."""
    slides = {s["name"]: s for s in _slides()}
    with demo.session(database="neo4j") as session, session.begin_transaction() as tx:
        table = _run_slide(tx, slides["resources_for_grid"])[0]["matches"]
        result = tx.run(slides["resources_for_grid_graph"]["query"],
                        _browser_params(tx, slides["resources_for_grid_graph"]["params"]))
        rels = [r["couldServe"] for r in result]
        stored = tx.run("MATCH ()-[r:COULD_SERVE]->() RETURN count(r) AS n").single()
        tx.rollback()
    assert len(table) >= 3 and len(rels) == len(table)
    assert all(isinstance(r, neo4j.graph.Relationship) and r.type == "COULD_SERVE" for r in rels)
    assert [(r["rank"], r["score"]) for r in rels] == [(i + 1, m["score"]) for i, m in enumerate(table)]
    assert [r.start_node["uid"] for r in rels] == [m["resource"]["uid"] for m in table]
    assert {r.end_node["uid"] for r in rels} == {"LOCAL:510107005001001"}
    assert [r["reasons"] for r in rels] == [[x["code"] for x in m["reasons"]] for m in table]
    assert stored is not None and stored["n"] == 0


def test_captions_have_short_names_on_the_demo(demo: neo4j.Driver) -> None:
    """The GraSS captions Grid, Division and PartyOrganization by ``shortName``: ingest stores it on every one."""
    records = demo.execute_query("""
        MATCH (n) WHERE n:Grid OR n:Division OR n:PartyOrganization
        RETURN count(n) AS total, count(n.shortName) AS named,
               COLLECT { MATCH (p:PartyOrganization {category: '党委'})-[:LEADS]->(:Division {level: 'community'})
                         RETURN p.shortName AS s LIMIT 3 } AS committees,
               COLLECT { MATCH (g:Grid) RETURN g.shortName AS s ORDER BY g.uid LIMIT 3 } AS grids""",
                                 database_="neo4j").records
    row = records[0]
    assert row["total"] > 500 and row["named"] == row["total"]
    assert all(s.endswith("社区党委") and len(s) <= 12 for s in row["committees"]), row["committees"]
    assert row["grids"] == ["第1网格", "第2网格", "第3网格"]


def test_every_captioned_node_has_its_short_name_and_a_rerun_keeps_it(demo: neo4j.Driver, tmp_path: Path) -> None:
    """Enterprises, public units, social organizations and resources are captioned by ``shortName`` too: ingest
    stores it on every one, shorter than the name, and loading the same file again changes nothing."""
    from ingest import ingest_files

    query = """MATCH (n) WHERE n:Enterprise OR n:PublicUnit OR n:SocialOrganization OR n:Resource
               RETURN labels(n)[-1] AS label, count(n) AS total, count(n.shortName) AS named,
                      sum(CASE WHEN size(n.shortName) < size(n.name) THEN 1 ELSE 0 END) AS shorter"""
    rows = {r["label"]: r for r in demo.execute_query(query, database_="neo4j").records}
    for label in ("Enterprise", "SocialOrganization", "Resource"):
        assert rows[label]["total"] > 10 and rows[label]["named"] == rows[label]["total"], label
        assert rows[label]["shorter"] > rows[label]["total"] // 2, label  # the region and legal form dropped
    import json

    manifest = json.loads((_DEMO["folder"] / "manifest.json").read_text(encoding="utf-8"))
    (paths,) = [f["paths"] for f in manifest["files"] if f["kind"] == "resources"]
    before = demo.execute_query("MATCH (r:Resource) RETURN r.uid AS uid, r.shortName AS s ORDER BY uid",
                                database_="neo4j").records
    again = ingest_files("resources", [_DEMO["folder"] / p for p in paths], source="demo",
                         report=tmp_path / "again.jsonl", driver=demo)
    assert again.rows > 0 and again.loaded == again.updated == 0 and again.unchanged + again.rejected == again.rows
    after = demo.execute_query("MATCH (r:Resource) RETURN r.uid AS uid, r.shortName AS s ORDER BY uid",
                               database_="neo4j").records
    assert before == after


def test_graphql_serves_the_short_names(demo: neo4j.Driver) -> None:
    """``shortName`` on the headline answer's grid, resources and providers, and on an organization."""
    from neo4j_helpers import app_client

    client = app_client({"GRIDLINK_API_KEYS": "r-key:reader", "GRIDLINK_API_ANONYMOUS_ROLE": ""})
    query = """{ resourcesForGrid(gridCode: "510107005001001") { grid { name shortName }
                   matches { resource { name shortName } provider { uid name shortName } } } }"""
    body = client.post("/graphql", json={"query": query}, headers={"X-API-Key": "r-key"}).json()
    assert "errors" not in body, body
    answer = body["data"]["resourcesForGrid"]
    assert answer["grid"]["shortName"] == "第1网格"
    matches = answer["matches"]
    assert matches and all(m["resource"]["shortName"] for m in matches)
    assert any(len(m["resource"]["shortName"]) < len(m["resource"]["name"]) for m in matches)
    provider = next(m["provider"] for m in matches if m["provider"])
    org = client.post("/graphql", json={"query": "query($u: String!) { organization(uid: $u) { name shortName } }",
                                        "variables": {"u": provider["uid"]}},
                      headers={"X-API-Key": "r-key"}).json()["data"]["organization"]
    assert provider["shortName"] and org["shortName"] == provider["shortName"]
