// gridlink schema version 3: lookups found by the 10^6 scale run (tests/scale/scale_run.py, README "Scale").
// Party organizations are also Organizations (unique uid), but a pattern naming only :PartyOrganization cannot use
// the Organization uid constraint: org_party_detail scanned all 222k party organizations (p50 120 ms at 10^6).
CREATE INDEX party_org_uid IF NOT EXISTS FOR (p:PartyOrganization) ON (p.uid);
