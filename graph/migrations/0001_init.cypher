// gridlink schema version 1: keys, lookups, spatial and full-text indexes.
// Every statement is idempotent (IF NOT EXISTS); `gridlink db migrate` runs them in order
// and records the version on a (:SchemaMigration) node. Statements are separated by ';'.

// ---- keys (uniqueness constraints also give the lookup index) ----
CREATE CONSTRAINT division_code IF NOT EXISTS FOR (d:Division) REQUIRE d.code IS UNIQUE;
CREATE CONSTRAINT grid_uid IF NOT EXISTS FOR (g:Grid) REQUIRE g.uid IS UNIQUE;
CREATE CONSTRAINT organization_uid IF NOT EXISTS FOR (o:Organization) REQUIRE o.uid IS UNIQUE;
CREATE CONSTRAINT resource_uid IF NOT EXISTS FOR (r:Resource) REQUIRE r.uid IS UNIQUE;
CREATE CONSTRAINT need_uid IF NOT EXISTS FOR (n:Need) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT project_uid IF NOT EXISTS FOR (p:Project) REQUIRE p.uid IS UNIQUE;
CREATE CONSTRAINT agreement_uid IF NOT EXISTS FOR (a:Agreement) REQUIRE a.uid IS UNIQUE;
CREATE CONSTRAINT alliance_uid IF NOT EXISTS FOR (a:Alliance) REQUIRE a.uid IS UNIQUE;
CREATE CONSTRAINT party_member_uid IF NOT EXISTS FOR (m:PartyMember) REQUIRE m.uid IS UNIQUE;
CREATE CONSTRAINT ingest_run_id IF NOT EXISTS FOR (r:IngestRun) REQUIRE r.runId IS UNIQUE;
CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE;
CREATE CONSTRAINT mutation_client_id IF NOT EXISTS FOR (m:ClientMutation) REQUIRE m.clientMutationId IS UNIQUE;

// ---- lookups ----
CREATE INDEX division_level IF NOT EXISTS FOR (d:Division) ON (d.level);
CREATE INDEX division_name IF NOT EXISTS FOR (d:Division) ON (d.name);
CREATE INDEX grid_code IF NOT EXISTS FOR (g:Grid) ON (g.code);
CREATE INDEX organization_uscc IF NOT EXISTS FOR (o:Organization) ON (o.uscc);
CREATE INDEX organization_name_norm IF NOT EXISTS FOR (o:Organization) ON (o.nameNorm);
CREATE INDEX organization_source IF NOT EXISTS FOR (o:Organization) ON (o.source);
CREATE INDEX organization_kind IF NOT EXISTS FOR (o:Organization) ON (o.kind);
CREATE INDEX resource_category IF NOT EXISTS FOR (r:Resource) ON (r.category);
CREATE INDEX need_status IF NOT EXISTS FOR (n:Need) ON (n.status);
CREATE INDEX need_category IF NOT EXISTS FOR (n:Need) ON (n.category);
CREATE INDEX project_status IF NOT EXISTS FOR (p:Project) ON (p.status);

// ---- spatial (WGS-84 points) ----
CREATE POINT INDEX grid_centroid IF NOT EXISTS FOR (g:Grid) ON (g.centroid);
CREATE POINT INDEX organization_location IF NOT EXISTS FOR (o:Organization) ON (o.location);
CREATE POINT INDEX resource_location IF NOT EXISTS FOR (r:Resource) ON (r.location);

// ---- full text: Chinese names are tokenized into bigrams by the cjk analyzer ----
CREATE FULLTEXT INDEX organization_names IF NOT EXISTS FOR (o:Organization) ON EACH [o.name, o.alias]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
