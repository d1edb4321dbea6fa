-- A school's security record (学校安防台账, 四个100%): the school's own fields in one row, its
-- guards, one-key alarms and 护学岗 posts as lists. The school's size (students, staff, boarders)
-- stays in its profile; the rules engine judges the record monthly into rule_findings. List ids
-- are never reused (AUTOINCREMENT): a finding's evidence names guards, alarms and posts by id.
CREATE TABLE security_records (
  school_id            INTEGER PRIMARY KEY REFERENCES org_units(id),
  has_canteen          INTEGER NOT NULL DEFAULT 0,
  perimeter            INTEGER NOT NULL DEFAULT 0,
  gate_controlled      INTEGER NOT NULL DEFAULT 0,
  visitor_register     INTEGER NOT NULL DEFAULT 0,
  gate_house_staffed   INTEGER NOT NULL DEFAULT 0,
  video_areas          TEXT NOT NULL DEFAULT '',  -- comma-separated area codes
  video_retention_days INTEGER NOT NULL DEFAULT 0,
  video_fault_since    TEXT,
  video_last_repair    TEXT,
  patrols_per_day      INTEGER NOT NULL DEFAULT 0,
  version              INTEGER NOT NULL,
  updated_at           TEXT NOT NULL,
  updated_by           TEXT NOT NULL
);

CREATE TABLE security_guards (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  school_id  INTEGER NOT NULL REFERENCES org_units(id),
  position   INTEGER NOT NULL,
  name       TEXT NOT NULL,
  full_time  INTEGER NOT NULL DEFAULT 1,
  license_no TEXT NOT NULL DEFAULT '',
  birth_date TEXT,
  employer   TEXT NOT NULL DEFAULT '',
  shifts     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX security_guards_school ON security_guards(school_id, position);

CREATE TABLE security_alarms (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  school_id     INTEGER NOT NULL REFERENCES org_units(id),
  position      INTEGER NOT NULL,
  location      TEXT NOT NULL,
  linked_110    INTEGER NOT NULL DEFAULT 0,
  linked_bureau INTEGER NOT NULL DEFAULT 0,
  last_test     TEXT
);
CREATE INDEX security_alarms_school ON security_alarms(school_id, position);

CREATE TABLE security_posts (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  school_id INTEGER NOT NULL REFERENCES org_units(id),
  position  INTEGER NOT NULL,
  gate      TEXT NOT NULL,
  peak      TEXT NOT NULL,
  people    INTEGER NOT NULL DEFAULT 0,
  kinds     TEXT NOT NULL DEFAULT ''  -- comma-separated kinds of people on the post
);
CREATE INDEX security_posts_school ON security_posts(school_id, position);
