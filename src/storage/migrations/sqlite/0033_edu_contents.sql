-- The 1530 content library as a bureau edits it: its own text for a topic and an age group
-- (kindergarten, lower_primary, upper_primary, junior, senior), in force at its schools unless a
-- nearer unit wrote one; without a row the shipped text applies. updated_at is a UTC instant.
CREATE TABLE edu_contents (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id    INTEGER NOT NULL REFERENCES org_units(id),
  topic      TEXT NOT NULL,
  age_group  TEXT NOT NULL,
  text       TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version    INTEGER NOT NULL,
  UNIQUE (unit_id, topic, age_group)
);
