-- The rules engine's records and the first module on it. A unit's values for a rule are kept as
-- versions (a change adds one); a finding is one rule judged for one subject (a school for a
-- period, or a record) with the rule and values version it used. Drills are a school's drill
-- records; each problem found can become a hazard, which points back to where it came from.
ALTER TABLE schools ADD COLUMN school_buses INTEGER NOT NULL DEFAULT 0;
ALTER TABLE hazards ADD COLUMN origin_type TEXT;
ALTER TABLE hazards ADD COLUMN origin_id INTEGER;

CREATE TABLE rule_parameters (
  unit_id    INTEGER NOT NULL REFERENCES org_units(id) ON DELETE CASCADE,
  rule_id    TEXT NOT NULL,
  version    INTEGER NOT NULL CHECK (version >= 1),
  params     TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  PRIMARY KEY (unit_id, rule_id, version)
);

CREATE TABLE rule_findings (
  id             INTEGER PRIMARY KEY,
  rule_id        TEXT NOT NULL,
  rule_version   INTEGER NOT NULL,
  params_version INTEGER NOT NULL,
  params_unit_id INTEGER NOT NULL DEFAULT 0,
  params         TEXT NOT NULL DEFAULT '',
  subject_type   TEXT NOT NULL,
  subject_id     INTEGER NOT NULL,
  unit_id        INTEGER NOT NULL REFERENCES org_units(id) ON DELETE CASCADE,
  period_key     TEXT NOT NULL,
  period_label   TEXT NOT NULL DEFAULT '',
  period_first   TEXT NOT NULL DEFAULT '',
  period_last    TEXT NOT NULL DEFAULT '',
  so_far         INTEGER NOT NULL CHECK (so_far IN (0, 1)),
  outcome        TEXT NOT NULL CHECK (outcome IN ('pass', 'due', 'fail', 'warn', 'na')),
  reason         TEXT NOT NULL,
  evidence       TEXT NOT NULL DEFAULT '',
  evaluated_at   TEXT NOT NULL,
  UNIQUE (rule_id, subject_type, subject_id, period_key)
);
CREATE INDEX rule_findings_unit ON rule_findings(unit_id, rule_id, period_key);
CREATE INDEX rule_findings_period ON rule_findings(rule_id, period_key, outcome);

CREATE TABLE drills (
  id             INTEGER PRIMARY KEY,
  school_id      INTEGER NOT NULL REFERENCES org_units(id),
  kind           TEXT NOT NULL,
  title          TEXT NOT NULL DEFAULT '',
  drill_date     TEXT NOT NULL,
  start_time     TEXT NOT NULL DEFAULT '',
  night          INTEGER NOT NULL DEFAULT 0,
  announced      INTEGER NOT NULL DEFAULT 1,
  evacuation     INTEGER NOT NULL DEFAULT 1,
  whole_school   INTEGER NOT NULL DEFAULT 1,
  scope_note     TEXT NOT NULL DEFAULT '',
  building_id    INTEGER REFERENCES school_buildings(id) ON DELETE SET NULL,
  building       TEXT NOT NULL DEFAULT '',
  floors         INTEGER NOT NULL DEFAULT 0,
  commander      TEXT NOT NULL,
  students       INTEGER NOT NULL DEFAULT 0,
  staff          INTEGER NOT NULL DEFAULT 0,
  signal_time    TEXT NOT NULL DEFAULT '',
  all_out_time   TEXT NOT NULL DEFAULT '',
  headcount_ok   INTEGER NOT NULL DEFAULT 1,
  headcount_note TEXT NOT NULL DEFAULT '',
  injuries       INTEGER NOT NULL DEFAULT 0,
  actions        TEXT NOT NULL DEFAULT '',
  recorded_by    TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX drills_school ON drills(school_id, drill_date);
CREATE INDEX drills_date ON drills(drill_date);

CREATE TABLE drill_problems (
  drill_id  INTEGER NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL,
  text      TEXT NOT NULL,
  hazard_id INTEGER REFERENCES hazards(id),
  PRIMARY KEY (drill_id, seq)
);
