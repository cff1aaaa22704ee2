// name: ingest_places_divisions
// title: Every division with its parent (the places snapshot of a run)
// description: Read once at the start of a run; transforms place rows against it.
// returns: code, level, name, parent
MATCH (d:Division) OPTIONAL MATCH (d)-[:PART_OF]->(p:Division)
RETURN d.code AS code, d.level AS level, d.name AS name, p.code AS parent
