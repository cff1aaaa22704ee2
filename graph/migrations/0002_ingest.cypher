// gridlink schema version 2: lookups the ingest needs.
// party organizations are referenced by the export's own id (党组织编号) from parents and members;
// alliances by their export id.
CREATE INDEX party_org_id IF NOT EXISTS FOR (p:PartyOrganization) ON (p.partyOrgId);
CREATE INDEX party_org_name_norm IF NOT EXISTS FOR (p:PartyOrganization) ON (p.nameNorm);
CREATE INDEX ingest_run_started IF NOT EXISTS FOR (r:IngestRun) ON (r.startedAt);
