// gridlink schema version 5: three-level linkage (三级联动, issue #13) — the street office's departments (职能部门)
// and their 包联 responsibilities; enlarged committees (大工委/大党委) are party organizations found by category.
// A department's key is d: + sha1(street code | normalized name)[:16] (graph/MODEL.md).
CREATE CONSTRAINT department_uid IF NOT EXISTS FOR (d:Department) REQUIRE d.uid IS UNIQUE;
CREATE INDEX department_street IF NOT EXISTS FOR (d:Department) ON (d.streetCode);
CREATE INDEX party_org_category IF NOT EXISTS FOR (p:PartyOrganization) ON (p.category);
