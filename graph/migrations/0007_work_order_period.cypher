// gridlink schema version 7: disputeHotspots counts the period's property work orders per compound from one index
// (category, received date, compound uid: the values come from the index, no order is read from the store).
// Work orders loaded before this version have no compoundUid: load them again (`gridlink ingest work-orders`).
CREATE INDEX work_order_compound_period IF NOT EXISTS FOR (w:WorkOrder) ON (w.category, w.receivedOn, w.compoundUid);
