-- Minors' data (未成年人信息): grants to read a school's sensitive records about individual
-- students (kind: the record kind, e.g. edu_letter_receipt), approved by the school's responsible
-- person for a number of days (state: requested, approved, refused, revoked; from/until as
-- instants), and every read of such records (minors_reads), for the yearly access report.
CREATE TABLE minors_grants (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  grantee      TEXT NOT NULL,
  unit_id      INTEGER NOT NULL REFERENCES org_units(id),
  kind         TEXT NOT NULL,
  reason       TEXT NOT NULL,
  days         INTEGER NOT NULL,
  state        TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  decided_by   TEXT NOT NULL DEFAULT '',
  decided_at   TEXT,
  note         TEXT NOT NULL DEFAULT '',
  valid_from   TEXT,
  valid_until  TEXT,
  revoked_by   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX minors_grants_grantee ON minors_grants(grantee, unit_id, kind);
CREATE INDEX minors_grants_unit ON minors_grants(unit_id, id);
CREATE TABLE minors_reads (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  reader   TEXT NOT NULL,
  unit_id  INTEGER NOT NULL REFERENCES org_units(id),
  kind     TEXT NOT NULL,
  subject  TEXT NOT NULL,
  records  INTEGER NOT NULL,
  grant_id INTEGER REFERENCES minors_grants(id),
  at       TEXT NOT NULL
);
CREATE INDEX minors_reads_at ON minors_reads(at);
