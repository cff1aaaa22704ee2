// name: ingest_bulk_graph_size
// title: How many nodes the database holds besides the schema record (a bulk load needs an empty one)
// description: Read by `gridlink bulk-load` before it reads a file: a bulk load replaces the store, so it refuses a database with data.
// returns: n
MATCH (n) WHERE NOT n:SchemaMigration
RETURN count(n) AS n
