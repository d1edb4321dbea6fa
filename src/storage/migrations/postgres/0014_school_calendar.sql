-- The school calendar: the State Council's holidays and make-up working days per year (loaded
-- from the notice shipped with Xiaoan, a file or the API), semesters set by a region's bureau or
-- a school, a unit's days off and extra school days, and dismissal times. A school inherits what
-- the nearest unit on its path sets.
CREATE TABLE holiday_years (
  year      INTEGER PRIMARY KEY,
  title     TEXT NOT NULL,
  source    TEXT NOT NULL DEFAULT '',
  loaded_at TEXT NOT NULL,
  loaded_by TEXT NOT NULL
);
CREATE TABLE holiday_days (
  year INTEGER NOT NULL REFERENCES holiday_years(year) ON DELETE CASCADE,
  day  TEXT NOT NULL,
  off  INTEGER NOT NULL CHECK (off IN (0, 1)),
  name TEXT NOT NULL,
  PRIMARY KEY (year, day)
);
CREATE TABLE school_terms (
  unit_id     BIGINT NOT NULL REFERENCES org_units(id) ON DELETE CASCADE,
  school_year INTEGER NOT NULL,
  term        INTEGER NOT NULL CHECK (term IN (1, 2)),
  starts_on   TEXT NOT NULL,
  ends_on     TEXT NOT NULL,
  PRIMARY KEY (unit_id, school_year, term)
);
CREATE TABLE school_day_exceptions (
  unit_id    BIGINT NOT NULL REFERENCES org_units(id) ON DELETE CASCADE,
  day        TEXT NOT NULL,
  school_day INTEGER NOT NULL CHECK (school_day IN (0, 1)),
  reason     TEXT NOT NULL,
  PRIMARY KEY (unit_id, day)
);
CREATE TABLE dismissal_times (
  unit_id BIGINT NOT NULL REFERENCES org_units(id) ON DELETE CASCADE,
  grade   INTEGER NOT NULL DEFAULT 0,
  weekday INTEGER NOT NULL DEFAULT 0,
  minutes INTEGER NOT NULL,
  PRIMARY KEY (unit_id, grade, weekday)
);
