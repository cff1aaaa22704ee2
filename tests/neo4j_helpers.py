"""Helpers shared by test packages (a uniquely named module: several folders have a conftest.py)."""

import neo4j


def wipe(drv: neo4j.Driver) -> None:
    """Delete every node but the schema record, in batches (the schema itself stays)."""
    # CALL {} IN TRANSACTIONS needs an auto-commit transaction, hence session.run
    with drv.session(database="neo4j") as session:
        session.run("MATCH (n) WHERE NOT n:SchemaMigration "
                    "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
