"""Schema migrations against the real server."""

import neo4j
import pytest

from graph.schema import current_version, describe, migrate, migrations, split_statements


def test_split_statements_drops_comments_and_blank_statements() -> None:
    text = ("// head\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\n"
            "// mid\nCREATE INDEX b IF NOT EXISTS\nFOR (n:B) ON (n.y);\n")
    assert split_statements(text) == [
        "CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)",
        "CREATE INDEX b IF NOT EXISTS\nFOR (n:B) ON (n.y)",
    ]


def test_every_shipped_statement_is_idempotent_ddl() -> None:
    for mig in migrations():
        for stmt in mig.statements:
            assert "IF NOT EXISTS" in stmt, stmt


@pytest.mark.neo4j
def test_migrate_twice_changes_nothing(graph: neo4j.Driver) -> None:
    first_version = migrate(graph)
    first = describe(graph)
    second_version = migrate(graph)
    assert first_version == second_version == migrations()[-1].version
    assert describe(graph) == first
    assert current_version(graph) == first_version
    names = {row[1] for row in first}
    assert {"organization_uid", "organization_names", "grid_centroid", "division_code"} <= names


@pytest.mark.neo4j
def test_fulltext_index_uses_cjk_analyzer_and_matches_two_characters(graph: neo4j.Driver) -> None:
    rows = [r for r in describe(graph) if r[1] == "organization_names"]
    assert rows and "cjk" in rows[0][2]
    graph.execute_query("CREATE (:Organization {uid: 'x1', name: $name})", name="成都市武侯区玉林社区卫生服务中心",
                        database_="neo4j")
    graph.execute_query("CALL db.awaitIndexes(60)", database_="neo4j")
    # the full-text index is eventually consistent only when configured so; default is on commit
    recs, _, _ = graph.execute_query(
        "CALL db.index.fulltext.queryNodes('organization_names', $q) YIELD node RETURN node.uid",
        q="玉林", database_="neo4j")
    assert [r[0] for r in recs] == ["x1"]


@pytest.mark.neo4j
def test_uniqueness_constraint_rejects_duplicate_org(graph: neo4j.Driver) -> None:
    graph.execute_query("CREATE (:Organization {uid: 'dup'})", database_="neo4j")
    with pytest.raises(neo4j.exceptions.ConstraintError):
        graph.execute_query("CREATE (:Organization {uid: 'dup'})", database_="neo4j")
