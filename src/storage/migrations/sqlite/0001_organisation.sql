-- Organisation model: regions (GB/T 2260 style codes), units in a tree, schools, buildings and
-- key places, users (accounts arrive with their own migration), and the hash-chained audit log.
CREATE TABLE regions (
  code        TEXT PRIMARY KEY CHECK (length(code) = 6),
  name        TEXT NOT NULL,
  parent_code TEXT REFERENCES regions(code),
  level       TEXT NOT NULL CHECK (level IN ('province', 'city', 'county')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX regions_parent ON regions(parent_code);

CREATE TABLE org_units (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('bureau', 'section', 'school', 'department', 'cluster')),
  name            TEXT NOT NULL,
  code            TEXT UNIQUE,
  region_code     TEXT NOT NULL REFERENCES regions(code),
  parent_id       INTEGER REFERENCES org_units(id),
  path            TEXT NOT NULL,
  department_kind TEXT,
  contact_person  TEXT NOT NULL DEFAULT '',
  phone           TEXT NOT NULL DEFAULT '',
  address         TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX org_units_parent ON org_units(parent_id);
CREATE INDEX org_units_path ON org_units(path);
CREATE INDEX org_units_kind_region ON org_units(kind, region_code);

CREATE TABLE schools (
  unit_id       INTEGER PRIMARY KEY REFERENCES org_units(id) ON DELETE CASCADE,
  stage         TEXT NOT NULL,
  ownership     TEXT NOT NULL,
  boarding      INTEGER NOT NULL DEFAULT 0,
  boarders      INTEGER NOT NULL DEFAULT 0,
  location_type TEXT NOT NULL,
  students      INTEGER NOT NULL DEFAULT 0,
  staff         INTEGER NOT NULL DEFAULT 0,
  principal     TEXT NOT NULL DEFAULT '',
  cluster_id    INTEGER REFERENCES org_units(id)
);
CREATE INDEX schools_cluster ON schools(cluster_id);

CREATE TABLE school_buildings (
  id        INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES org_units(id) ON DELETE CASCADE,
  name      TEXT NOT NULL,
  floors    INTEGER NOT NULL,
  UNIQUE (school_id, name)
);

CREATE TABLE school_key_places (
  id          INTEGER PRIMARY KEY,
  school_id   INTEGER NOT NULL REFERENCES org_units(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  name        TEXT NOT NULL,
  building_id INTEGER REFERENCES school_buildings(id) ON DELETE SET NULL
);
CREATE INDEX school_key_places_school ON school_key_places(school_id);

CREATE TABLE users (
  id                   INTEGER PRIMARY KEY,
  unit_id              INTEGER NOT NULL REFERENCES org_units(id),
  username             TEXT NOT NULL UNIQUE,
  display_name         TEXT NOT NULL,
  password_hash        TEXT NOT NULL,
  status               TEXT NOT NULL DEFAULT 'active',
  must_change_password INTEGER NOT NULL DEFAULT 1,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  unit_id     INTEGER,
  action      TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id   TEXT NOT NULL,
  result      TEXT NOT NULL,
  source      TEXT NOT NULL,
  request_id  TEXT NOT NULL,
  summary     TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
);
-- Append-only: the application has no update or delete path, and the database refuses them too.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
