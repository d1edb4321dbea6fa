-- 安全培训 (measures 17 and 19): each school's staff in key posts (post: fire, construction, lab,
-- practice, security; since: the day they took the post, YYYY-MM-DD; active 0 once they left it),
-- the training sessions a school held (kind: rotation, holiday, topic; half_hours: the length in
-- half hours; other_count: attendees not in the key-post list) and which key-post people attended.
CREATE TABLE training_staff (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id    INTEGER NOT NULL REFERENCES org_units(id),
  name       TEXT NOT NULL,
  post       TEXT NOT NULL,
  phone      TEXT NOT NULL DEFAULT '',
  since      TEXT NOT NULL,
  active     INTEGER NOT NULL DEFAULT 1,
  note       TEXT NOT NULL DEFAULT '',
  version    INTEGER NOT NULL DEFAULT 1,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX training_staff_unit ON training_staff(unit_id, name);
CREATE TABLE training_sessions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id     INTEGER NOT NULL REFERENCES org_units(id),
  title       TEXT NOT NULL,
  kind        TEXT NOT NULL,
  held_on     TEXT NOT NULL,
  half_hours  INTEGER NOT NULL,
  trainer     TEXT NOT NULL DEFAULT '',
  place       TEXT NOT NULL DEFAULT '',
  other_count INTEGER NOT NULL DEFAULT 0,
  note        TEXT NOT NULL DEFAULT '',
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX training_sessions_unit ON training_sessions(unit_id, held_on);
CREATE TABLE training_attendance (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id INTEGER NOT NULL REFERENCES training_sessions(id),
  staff_id   INTEGER NOT NULL REFERENCES training_staff(id),
  seq        INTEGER NOT NULL
);
CREATE UNIQUE INDEX training_attendance_once ON training_attendance(session_id, staff_id);
CREATE INDEX training_attendance_staff ON training_attendance(staff_id);
