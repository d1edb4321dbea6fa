-- 交通安全一校一策 (measure 15): one guide per school, stored whole on each save (version), with
-- its lists as lines: section gate (a name, b use, c hours), peak (a grade, b kind, c from, d to,
-- e gate), zone (a kind, b name, c location), post (a place, b from, c to, d people), need (a
-- kind, b location, c description, whistle_id once sent to the traffic police). published_on is
-- a civil date in China ('' when never published); published_version the version published.
CREATE TABLE traffic_guides (
  unit_id           INTEGER PRIMARY KEY REFERENCES org_units(id),
  separation        TEXT NOT NULL DEFAULT '',
  police_unit       TEXT NOT NULL DEFAULT '',
  police_duty       TEXT NOT NULL DEFAULT '',
  early_arrival     TEXT NOT NULL DEFAULT '',
  after_school      TEXT NOT NULL DEFAULT '',
  published_on      TEXT NOT NULL DEFAULT '',
  published_by      TEXT NOT NULL DEFAULT '',
  published_version INTEGER NOT NULL DEFAULT 0,
  updated_by        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  version           INTEGER NOT NULL
);
CREATE TABLE traffic_guide_lines (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id    INTEGER NOT NULL REFERENCES traffic_guides(unit_id),
  section    TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  a          TEXT NOT NULL DEFAULT '',
  b          TEXT NOT NULL DEFAULT '',
  c          TEXT NOT NULL DEFAULT '',
  d          TEXT NOT NULL DEFAULT '',
  e          TEXT NOT NULL DEFAULT '',
  whistle_id INTEGER
);
CREATE INDEX traffic_guide_lines_unit ON traffic_guide_lines(unit_id, section, seq);
