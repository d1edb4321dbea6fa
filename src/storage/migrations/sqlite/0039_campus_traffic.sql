-- 校内交通 (measure 14): each school's vehicles by class (staff, service, visitor) with the gates
-- (newline-separated; '' for every gate) and hours (HH:MM, '' for any time) they may use and
-- their validity; its e-bikes with their plates and modification check; and the entries refused
-- at a gate. Dates are civil dates in China ('' when not recorded); instants UTC. The rule
-- traffic.ebike's findings are rule_findings rows on the subject campus_ebike.
CREATE TABLE campus_vehicles (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id       INTEGER NOT NULL REFERENCES org_units(id),
  vehicle_class TEXT NOT NULL,
  plate         TEXT NOT NULL,
  owner         TEXT NOT NULL,
  gates         TEXT NOT NULL DEFAULT '',
  time_from     TEXT NOT NULL DEFAULT '',
  time_to       TEXT NOT NULL DEFAULT '',
  valid_from    TEXT NOT NULL DEFAULT '',
  valid_until   TEXT NOT NULL DEFAULT '',
  note          TEXT NOT NULL DEFAULT '',
  active        INTEGER NOT NULL DEFAULT 1,
  updated_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  version       INTEGER NOT NULL
);
CREATE INDEX campus_vehicles_unit_plate ON campus_vehicles(unit_id, plate);
CREATE TABLE campus_ebikes (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id       INTEGER NOT NULL REFERENCES org_units(id),
  owner         TEXT NOT NULL,
  licence_plate TEXT NOT NULL DEFAULT '',
  campus_plate  TEXT NOT NULL DEFAULT '',
  checked_on    TEXT NOT NULL DEFAULT '',
  modified      INTEGER NOT NULL DEFAULT 0,
  note          TEXT NOT NULL DEFAULT '',
  active        INTEGER NOT NULL DEFAULT 1,
  updated_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  version       INTEGER NOT NULL
);
CREATE INDEX campus_ebikes_unit ON campus_ebikes(unit_id);
CREATE TABLE campus_gate_refusals (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id     INTEGER NOT NULL REFERENCES org_units(id),
  kind        TEXT NOT NULL,
  gate        TEXT NOT NULL,
  plate       TEXT NOT NULL DEFAULT '',
  subject_id  INTEGER,
  reason      TEXT NOT NULL,
  on_date     TEXT NOT NULL,
  at          TEXT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX campus_gate_refusals_unit_date ON campus_gate_refusals(unit_id, on_date);
