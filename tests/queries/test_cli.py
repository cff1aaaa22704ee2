"""``gridlink query list | show | run`` through typer's CliRunner."""

from __future__ import annotations

import json

import neo4j
import pytest
from query_helpers import seed
from typer.testing import CliRunner

from gridlink.cli import app
from queries.catalog import catalog

runner = CliRunner()


def test_list_shows_every_query_with_typed_params() -> None:
    res = runner.invoke(app, ["query", "list", "--json"])
    assert res.exit_code == 0, res.output
    listed = {q["name"]: q for q in json.loads(res.stdout)}
    assert set(listed) == set(catalog())
    assert listed["explore_resources_by_category"]["params"] == {"code": "str", "category": "str?"}


def test_list_table_names_each_query() -> None:
    res = runner.invoke(app, ["query", "list"], env={"COLUMNS": "200"})
    assert res.exit_code == 0
    for name in catalog():
        assert name in res.stdout


def test_show_prints_paste_ready_cypher() -> None:
    res = runner.invoke(app, ["query", "show", "explore_grids_without_party_branch"])
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert ":param code => '510107005000'" in lines
    assert lines[-1].endswith("ORDER BY openNeeds DESC, uid;")


def test_unknown_query_suggests_close_names() -> None:
    res = runner.invoke(app, ["query", "run", "explore_grid_without_party_branch"])
    assert res.exit_code == 1
    assert "no named query 'explore_grid_without_party_branch'; did you mean explore_grids_without_party_branch" \
        in res.stderr


def test_bad_param_is_named() -> None:
    res = runner.invoke(app, ["query", "run", "explore_resources_by_category", "-p", "code=1", "-p", "colour=red"])
    assert res.exit_code == 1
    assert "has no parameter(s) colour; it takes: code (str), category (str?)" in res.stderr
    assert "how to fix:" in res.stderr
    res = runner.invoke(app, ["query", "run", "explore_resources_by_category"])
    assert res.exit_code == 1
    assert "parameter(s) code is required" in res.stderr


@pytest.mark.neo4j
def test_run_prints_a_table_and_json(graph: neo4j.Driver) -> None:
    seed(graph)
    args = ["query", "run", "explore_resources_by_category", "--param", "code=510107005000", "-p", "category=venue"]
    res = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "三楼会议室" in res.stdout and "1 rows" in res.stdout
    res = runner.invoke(app, [*args, "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == [{"category": "venue", "uid": "R1", "name": "三楼会议室",
                                       "providers": ["玉林餐饮有限公司"], "division": "玉林北路社区",
                                       "grid": "玉林北路第一网格", "capacity": "40人"}]


@pytest.mark.neo4j
def test_run_renders_paths_by_key_in_json(graph: neo4j.Driver) -> None:
    seed(graph)
    res = runner.invoke(app, ["query", "run", "explore_org_neighbourhood", "-p", "uid=n:grid00000000001", "--json"])
    assert res.exit_code == 0, res.output
    first = json.loads(res.stdout)[0]
    assert first["path"] == {
        "nodes": [{"labels": ["Organization", "PartyOrganization"], "key": "n:grid00000000001",
                   "name": "玉林北路第一网格党支部"},
                  {"labels": ["Grid"], "key": "LOCAL:510107005001001", "name": "玉林北路第一网格"}],
        "relationships": [{"type": "LEADS", "start": "n:grid00000000001", "end": "LOCAL:510107005001001"}]}
    table = runner.invoke(app, ["query", "run", "explore_org_neighbourhood", "-p", "uid=n:grid00000000001"],
                          env={"COLUMNS": "250"})
    assert "(:PartyOrganization n:grid00000000001)-[:LEADS]->(:Grid LOCAL:510107005001001)" in table.stdout
