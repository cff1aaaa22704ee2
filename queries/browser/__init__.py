"""The Neo4j Browser exploration pack: a guide generated from the named queries, and the GraSS style."""
