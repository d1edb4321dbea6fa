-- Reminders the rules engine sent about a finding (30 and 7 days before a period ends while it
-- is due, and once it was missed): each at most once per rule, subject and period.
CREATE TABLE rule_notices (
  rule_id      TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id   INTEGER NOT NULL,
  period_key   TEXT NOT NULL,
  notice       TEXT NOT NULL,
  sent_at      TEXT NOT NULL,
  PRIMARY KEY (rule_id, subject_type, subject_id, period_key, notice)
);
