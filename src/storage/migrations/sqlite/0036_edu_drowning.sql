-- 防溺水警示提醒 (measure 9, rule edu.drowning): the warning campaigns a bureau issues for a
-- period and for schools of some location types, and the warnings each class was given. The
-- warning days themselves are computed from the school's calendar (domain/edu/drowning), never
-- stored. Dates are civil dates in China; created_at and at are UTC instants.
CREATE TABLE edu_drowning_campaigns (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id        INTEGER NOT NULL REFERENCES org_units(id),
  title          TEXT NOT NULL,
  text           TEXT NOT NULL,
  from_date      TEXT NOT NULL,
  to_date        TEXT NOT NULL,
  location_types TEXT NOT NULL DEFAULT '',
  created_by     TEXT NOT NULL,
  created_at     TEXT NOT NULL
);
CREATE INDEX edu_drowning_campaigns_period ON edu_drowning_campaigns(to_date);
CREATE TABLE edu_drowning_warnings (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  class_id   INTEGER NOT NULL REFERENCES edu_classes(id),
  school_id  INTEGER NOT NULL REFERENCES org_units(id),
  date       TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  given_by   TEXT NOT NULL,
  at         TEXT NOT NULL,
  given_on   TEXT NOT NULL,
  UNIQUE (class_id, date)
);
CREATE INDEX edu_drowning_warnings_school ON edu_drowning_warnings(school_id, date);
