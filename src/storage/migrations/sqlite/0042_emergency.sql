-- 应急处置 (measure 19): one setup per school, stored whole on each save (version): the card's
-- facts here, and its lists as lines: section command or unit (a role, b name, c post, d phone)
-- and plan (a kind, b title, c revised_on as YYYY-MM-DD, file_id: the plan's document, attached
-- to the subject emergency_setup with the school's id).
CREATE TABLE emergency_setups (
  unit_id         INTEGER PRIMARY KEY REFERENCES org_units(id),
  duty_phone      TEXT NOT NULL DEFAULT '',
  gathering_point TEXT NOT NULL DEFAULT '',
  police_station  TEXT NOT NULL DEFAULT '',
  hospital        TEXT NOT NULL DEFAULT '',
  updated_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  version         INTEGER NOT NULL
);
CREATE TABLE emergency_lines (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id INTEGER NOT NULL REFERENCES emergency_setups(unit_id),
  section TEXT NOT NULL,
  seq     INTEGER NOT NULL,
  a       TEXT NOT NULL DEFAULT '',
  b       TEXT NOT NULL DEFAULT '',
  c       TEXT NOT NULL DEFAULT '',
  d       TEXT NOT NULL DEFAULT '',
  file_id INTEGER REFERENCES files(id)
);
CREATE INDEX emergency_lines_unit ON emergency_lines(unit_id, seq);
