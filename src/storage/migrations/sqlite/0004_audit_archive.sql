-- Audit archiving: records older than the retention period move to an archive file; the
-- checkpoint keeps the last archived record's hash so the chain still verifies from there.
CREATE TABLE audit_archives (
  id          INTEGER PRIMARY KEY,
  up_to_id    INTEGER NOT NULL,
  up_to_hash  TEXT NOT NULL,
  records     INTEGER NOT NULL,
  file_name   TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE TRIGGER audit_archives_no_update BEFORE UPDATE ON audit_archives
BEGIN SELECT RAISE(ABORT, 'audit_archives is append-only'); END;
CREATE TRIGGER audit_archives_no_delete BEFORE DELETE ON audit_archives
BEGIN SELECT RAISE(ABORT, 'audit_archives is append-only'); END;
-- Only records already covered by an archive checkpoint may leave the table.
DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN OLD.id > COALESCE((SELECT MAX(up_to_id) FROM audit_archives), 0)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
