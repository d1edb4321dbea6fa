-- Supervision orders and files belong to the platform, for any module's records: an order is
-- raised on a subject (its type and id, with the subject's title when raised) instead of a
-- hazard, and a file records the subject it is attached to (download rights follow it).
CREATE TABLE supervision_orders_new (
  id            INTEGER PRIMARY KEY,
  subject_type  TEXT NOT NULL,
  subject_id    INTEGER NOT NULL,
  subject_title TEXT NOT NULL DEFAULT '',
  school_id     INTEGER NOT NULL REFERENCES org_units(id),
  rule          TEXT NOT NULL,
  reason        TEXT NOT NULL,
  deadline      TEXT NOT NULL,
  state         TEXT NOT NULL,
  reply         TEXT NOT NULL DEFAULT '',
  replied_by    TEXT NOT NULL DEFAULT '',
  replied_at    TEXT,
  created_at    TEXT NOT NULL,
  closed_at     TEXT,
  closed_by     TEXT NOT NULL DEFAULT ''
);
INSERT INTO supervision_orders_new (id, subject_type, subject_id, subject_title, school_id, rule,
                                    reason, deadline, state, reply, replied_by, replied_at,
                                    created_at, closed_at, closed_by)
SELECT o.id, 'hazard', o.hazard_id, COALESCE(h.title, ''), o.school_id, o.rule, o.reason,
       o.deadline, o.state, o.reply, o.replied_by, o.replied_at, o.created_at, o.closed_at,
       o.closed_by
FROM supervision_orders o LEFT JOIN hazards h ON h.id = o.hazard_id;
DROP TABLE supervision_orders;
ALTER TABLE supervision_orders_new RENAME TO supervision_orders;
CREATE INDEX supervision_orders_school ON supervision_orders(school_id, state);
CREATE INDEX supervision_orders_subject ON supervision_orders(subject_type, subject_id);

ALTER TABLE files ADD COLUMN subject_type TEXT;
ALTER TABLE files ADD COLUMN subject_id INTEGER;
UPDATE files SET subject_type = 'hazard',
                 subject_id = (SELECT hf.hazard_id FROM hazard_files hf WHERE hf.file_id = files.id)
WHERE id IN (SELECT file_id FROM hazard_files);
