-- 周边水域风险 (measure 9, drowning prevention): the water near each school with the measures in
-- place. gaps and priority are what the domain judged at the last write (domain/edu/waters), kept
-- for the lists' filters. checked_on is a civil date in China; updated_at a UTC instant.
CREATE TABLE edu_waters (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  school_id    INTEGER NOT NULL REFERENCES org_units(id),
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL,
  distance_m   INTEGER NOT NULL,
  location     TEXT NOT NULL DEFAULT '',
  warning_sign INTEGER NOT NULL DEFAULT 0,
  fence        INTEGER NOT NULL DEFAULT 0,
  rescue_gear  INTEGER NOT NULL DEFAULT 0,
  patrol       INTEGER NOT NULL DEFAULT 0,
  keeper       TEXT NOT NULL DEFAULT '',
  checked_on   TEXT NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  active       INTEGER NOT NULL DEFAULT 1,
  gaps         INTEGER NOT NULL DEFAULT 0,
  priority     INTEGER NOT NULL DEFAULT 0,
  updated_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  version      INTEGER NOT NULL
);
CREATE INDEX edu_waters_school ON edu_waters(school_id);
