-- Screening rounds of the four security indicators (逐校筛查, measure 4): the bureau's round over
-- its schools, each school's screening with the indicators its record gave then and the evidence
-- per indicator, and the hazards each failed indicator raised. Instants are UTC text; dates are
-- civil dates in China.
CREATE TABLE security_rounds (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  bureau_id  INTEGER NOT NULL REFERENCES org_units(id),
  name       TEXT NOT NULL,
  from_date  TEXT NOT NULL,
  to_date    TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE security_round_schools (
  round_id  INTEGER NOT NULL REFERENCES security_rounds(id),
  school_id INTEGER NOT NULL REFERENCES org_units(id),
  PRIMARY KEY (round_id, school_id)
);
CREATE INDEX security_round_schools_school ON security_round_schools(school_id);

CREATE TABLE security_screenings (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  round_id      INTEGER NOT NULL REFERENCES security_rounds(id),
  school_id     INTEGER NOT NULL REFERENCES org_units(id),
  screened_by   TEXT NOT NULL,
  screened_at   TEXT NOT NULL,
  guards        INTEGER NOT NULL,
  closed_campus INTEGER NOT NULL,
  alarm_video   INTEGER NOT NULL,
  gate_duty     INTEGER NOT NULL,
  reasons       TEXT NOT NULL DEFAULT '',
  UNIQUE (round_id, school_id)
);
CREATE INDEX security_screenings_school ON security_screenings(school_id);

CREATE TABLE security_screening_evidence (
  screening_id INTEGER NOT NULL REFERENCES security_screenings(id),
  indicator    TEXT NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (screening_id, indicator)
);

CREATE TABLE security_screening_files (
  screening_id INTEGER NOT NULL REFERENCES security_screenings(id),
  indicator    TEXT NOT NULL,
  file_id      INTEGER NOT NULL REFERENCES files(id),
  position     INTEGER NOT NULL,
  PRIMARY KEY (screening_id, file_id)
);

CREATE TABLE security_screening_hazards (
  screening_id INTEGER NOT NULL REFERENCES security_screenings(id),
  indicator    TEXT NOT NULL,
  hazard_id    INTEGER NOT NULL REFERENCES hazards(id),
  PRIMARY KEY (screening_id, indicator)
);
CREATE INDEX security_screening_hazards_hazard ON security_screening_hazards(hazard_id);
