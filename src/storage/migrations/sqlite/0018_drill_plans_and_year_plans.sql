-- Drill plans (演练计划): what a school means to drill and when; the record that carried a plan
-- out closes it (drill_id), and removing that record reopens it.
CREATE TABLE drill_plans (
  id           INTEGER PRIMARY KEY,
  school_id    INTEGER NOT NULL REFERENCES org_units(id),
  kind         TEXT NOT NULL,
  title        TEXT NOT NULL DEFAULT '',
  plan_date    TEXT NOT NULL,
  start_time   TEXT NOT NULL DEFAULT '',
  night        INTEGER NOT NULL DEFAULT 0,
  whole_school INTEGER NOT NULL DEFAULT 1,
  scope_note   TEXT NOT NULL DEFAULT '',
  commander    TEXT NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  drill_id     INTEGER UNIQUE REFERENCES drills(id) ON DELETE SET NULL,
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX drill_plans_school ON drill_plans(school_id, plan_date);
CREATE INDEX drill_plans_date ON drill_plans(plan_date);

-- A bureau's own plan for a year (actions, measures and the rules of each), in place of the plan
-- Xiaoan ships for the bureau and the units below it.
CREATE TABLE year_plans (
  unit_id   INTEGER NOT NULL REFERENCES org_units(id),
  year      INTEGER NOT NULL,
  title     TEXT NOT NULL,
  loaded_by TEXT NOT NULL,
  loaded_at TEXT NOT NULL,
  PRIMARY KEY (unit_id, year)
);
CREATE TABLE year_plan_measures (
  unit_id        INTEGER NOT NULL,
  year           INTEGER NOT NULL,
  seq            INTEGER NOT NULL,
  action_number  INTEGER NOT NULL,
  action_title   TEXT NOT NULL,
  measure_number INTEGER NOT NULL,
  measure_title  TEXT NOT NULL,
  rule_ids       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (unit_id, year, seq),
  FOREIGN KEY (unit_id, year) REFERENCES year_plans(unit_id, year) ON DELETE CASCADE
);

-- The version of the rule's values an escalation was decided with (0: the declared defaults, or
-- fired before the rules were versioned).
ALTER TABLE hazard_escalations ADD COLUMN rule_version INTEGER NOT NULL DEFAULT 0;
