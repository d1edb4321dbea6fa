-- A hazard's timeline in order from one index. The SQLite migration makes it a covering index
-- (its table rows lie in insertion order); PostgreSQL keeps (hazard_id, id) and reads the rows
-- through its shared buffers.
CREATE INDEX hazard_events_timeline ON hazard_events(hazard_id, id);
DROP INDEX hazard_events_hazard;
