-- Outings in rented vehicles (春秋游、研学用车, measure 16): the school's outing with its day
-- (a civil date in China), times (HH:MM, '' when not set), riders, and the registered vehicle,
-- driver and monitor it uses, judged by the bus rules on the outing's day.
CREATE TABLE bus_outings (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id     INTEGER NOT NULL REFERENCES org_units(id),
  purpose     TEXT NOT NULL,
  destination TEXT NOT NULL,
  outing_date TEXT NOT NULL,
  leave_at    TEXT NOT NULL DEFAULT '',
  return_at   TEXT NOT NULL DEFAULT '',
  riders      INTEGER NOT NULL DEFAULT 0,
  vehicle_id  INTEGER REFERENCES bus_vehicles(id),
  driver_id   INTEGER REFERENCES bus_drivers(id),
  monitor_id  INTEGER REFERENCES bus_monitors(id),
  note        TEXT NOT NULL DEFAULT '',
  active      INTEGER NOT NULL DEFAULT 1,
  updated_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  version     INTEGER NOT NULL
);
CREATE INDEX bus_outings_unit_date ON bus_outings(unit_id, outing_date);
