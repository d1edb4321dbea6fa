-- Safety education records (measure 21): 开学安全第一课, the anti-bullying lesson, themed
-- education and the dated days and months (observance: safety_day, security_day,
-- production_month, fire_month, or ''). date is a civil date in China; class_ids lists the
-- school's classes that took part ("12,13"), empty for the whole school; created_at and
-- updated_at are UTC instants. Photos and documents are files attached to subject edu_lesson.
CREATE TABLE edu_lessons (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  school_id        INTEGER NOT NULL REFERENCES org_units(id),
  date             TEXT NOT NULL,
  theme            TEXT NOT NULL,
  observance       TEXT NOT NULL DEFAULT '',
  title            TEXT NOT NULL,
  whole_school     INTEGER NOT NULL DEFAULT 1,
  class_ids        TEXT NOT NULL DEFAULT '',
  participants     INTEGER NOT NULL,
  speaker          TEXT NOT NULL DEFAULT '',
  materials        TEXT NOT NULL DEFAULT '',
  note             TEXT NOT NULL DEFAULT '',
  recorded_by      TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  version          INTEGER NOT NULL
);
CREATE INDEX edu_lessons_school ON edu_lessons(school_id, date);
