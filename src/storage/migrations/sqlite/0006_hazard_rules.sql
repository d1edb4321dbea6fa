-- The district's hazard rule configuration: default deadlines per level and domain, and the
-- escalation limits. Absent keys use the defaults compiled into the domain rules.
CREATE TABLE hazard_rule_settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
