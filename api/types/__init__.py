"""GraphQL object types. Resolvers hand them the maps shaped by Cypher; :func:`common.field_from_map` reads them."""
