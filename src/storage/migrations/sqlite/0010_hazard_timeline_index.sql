-- A hazard's timeline read from one index: SQLite keeps table rows in insertion order, so the
-- few events of one hazard lie on as many pages, written months apart. The index holds every
-- column the timeline shows (docs/performance.md: P2 12.2k → 14.4k req/s on the city data, for
-- about 110 bytes of index per event).
CREATE INDEX hazard_events_timeline ON hazard_events(hazard_id, id, at, actor, action, from_state,
                                                     to_state, note, signature_id);
DROP INDEX hazard_events_hazard;
