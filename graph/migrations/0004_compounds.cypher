// gridlink schema version 4: below the grid (issue #12) — compounds, owners' committees, 12345 work orders.
// A compound's key is its registry code, else c: + sha1(normalized name | community code) (graph/MODEL.md);
// nameKey is that hash for every compound, so rows naming a compound within a community find it by index.
CREATE CONSTRAINT compound_uid IF NOT EXISTS FOR (c:Compound) REQUIRE c.uid IS UNIQUE;
CREATE CONSTRAINT work_order_uid IF NOT EXISTS FOR (w:WorkOrder) REQUIRE w.uid IS UNIQUE;
CREATE INDEX compound_name_key IF NOT EXISTS FOR (c:Compound) ON (c.nameKey);
CREATE INDEX compound_community IF NOT EXISTS FOR (c:Compound) ON (c.communityCode);
CREATE INDEX compound_type IF NOT EXISTS FOR (c:Compound) ON (c.type);
CREATE POINT INDEX compound_location IF NOT EXISTS FOR (c:Compound) ON (c.location);
CREATE INDEX work_order_category_received IF NOT EXISTS FOR (w:WorkOrder) ON (w.category, w.receivedOn);
CREATE INDEX owners_committee_uid IF NOT EXISTS FOR (o:OwnersCommittee) ON (o.uid);
