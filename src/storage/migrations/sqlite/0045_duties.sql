-- 安全责任 (measures 1 and 2). duty_templates: the district's versions of a post's duties (the
-- shipped version 1 is not stored; items one per line; changed_on YYYY-MM-DD). duty_lists: one
-- list per person (posts comma-separated, local_items one per line, version raised on each
-- change), with the last signing: the list's version and each post's template version signed
-- (signed_templates "post:version,…"), the signature and the day. duty_area_sets/duty_areas: the
-- owner of each business area of a school (三管三必须); applicable 0 when the school has none.
CREATE TABLE duty_templates (
  post       TEXT PRIMARY KEY,
  items      TEXT NOT NULL,
  version    INTEGER NOT NULL,
  changed_on TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE duty_lists (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  school_id           INTEGER NOT NULL REFERENCES org_units(id),
  user_id             INTEGER NOT NULL UNIQUE REFERENCES users(id),
  posts               TEXT NOT NULL,
  local_items         TEXT NOT NULL DEFAULT '',
  version             INTEGER NOT NULL,
  changed_on          TEXT NOT NULL,
  signed_list_version INTEGER,
  signed_templates    TEXT NOT NULL DEFAULT '',
  signature_id        INTEGER,
  signed_on           TEXT,
  signed_at           TEXT,
  updated_by          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE INDEX duty_lists_school ON duty_lists(school_id);
CREATE TABLE duty_area_sets (
  school_id  INTEGER PRIMARY KEY REFERENCES org_units(id),
  version    INTEGER NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE duty_areas (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  school_id     INTEGER NOT NULL REFERENCES duty_area_sets(school_id),
  seq           INTEGER NOT NULL,
  area          TEXT NOT NULL,
  applicable    INTEGER NOT NULL DEFAULT 1,
  owner_user_id INTEGER REFERENCES users(id)
);
CREATE INDEX duty_areas_school ON duty_areas(school_id, seq);
