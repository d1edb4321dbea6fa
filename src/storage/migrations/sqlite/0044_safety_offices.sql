-- 安全监管机构和队伍 (measure 18): one safety office per bureau or school, stored whole on each
-- save (version), and its members in order (full_time 1 for a full-time member).
CREATE TABLE safety_offices (
  unit_id    INTEGER PRIMARY KEY REFERENCES org_units(id),
  name       TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version    INTEGER NOT NULL
);
CREATE TABLE safety_office_members (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id        INTEGER NOT NULL REFERENCES safety_offices(unit_id),
  seq            INTEGER NOT NULL,
  name           TEXT NOT NULL,
  post           TEXT NOT NULL DEFAULT '',
  full_time      INTEGER NOT NULL DEFAULT 0,
  qualifications TEXT NOT NULL DEFAULT '',
  phone          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX safety_office_members_unit ON safety_office_members(unit_id, seq);
