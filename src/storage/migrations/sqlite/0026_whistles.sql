-- 学校吹哨、部门报到 (measure 5): a school's whistle, its part at each department it is routed to
-- (acknowledgement and feedback deadlines), its timeline, and each bureau's routing table by
-- category. Instants are UTC text; feedback_due is a civil date in China.
CREATE TABLE whistles (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  school_id        INTEGER NOT NULL REFERENCES org_units(id),
  title            TEXT NOT NULL,
  description      TEXT NOT NULL,
  category         TEXT NOT NULL,
  place            TEXT NOT NULL,
  location         TEXT NOT NULL,
  severity         TEXT NOT NULL,
  interim_measures TEXT NOT NULL DEFAULT '',
  state            TEXT NOT NULL,
  raised_by        TEXT NOT NULL,
  raised_at        TEXT NOT NULL,
  closed_at        TEXT,
  hazard_id        INTEGER REFERENCES hazards(id),  -- the hazard it became or came from
  version          INTEGER NOT NULL
);
CREATE INDEX whistles_school ON whistles(school_id, raised_at);
CREATE INDEX whistles_raised ON whistles(raised_at);
CREATE INDEX whistles_hazard ON whistles(hazard_id);

CREATE TABLE whistle_assignments (
  whistle_id               INTEGER NOT NULL REFERENCES whistles(id),
  department_id            INTEGER NOT NULL REFERENCES org_units(id),
  state                    TEXT NOT NULL,
  routed_at                TEXT NOT NULL,
  ack_due                  TEXT NOT NULL,
  acknowledged_at          TEXT,
  acknowledged_by          TEXT NOT NULL DEFAULT '',
  feedback_due             TEXT,
  feedback_due_provisional INTEGER NOT NULL DEFAULT 0,
  last_feedback_at         TEXT,
  answered_at              TEXT,
  escalated_at             TEXT,
  PRIMARY KEY (whistle_id, department_id)
);
CREATE INDEX whistle_assignments_department ON whistle_assignments(department_id, state);

CREATE TABLE whistle_events (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  whistle_id    INTEGER NOT NULL REFERENCES whistles(id),
  department_id INTEGER REFERENCES org_units(id),
  kind          TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT '',
  actor         TEXT NOT NULL,
  at            TEXT NOT NULL
);
CREATE INDEX whistle_events_whistle ON whistle_events(whistle_id, id);

CREATE TABLE whistle_routes (
  bureau_id     INTEGER NOT NULL REFERENCES org_units(id),
  category      TEXT NOT NULL,
  department_id INTEGER NOT NULL REFERENCES org_units(id),
  PRIMARY KEY (bureau_id, category, department_id)
);

-- Each school's periodic report (定期报告) per month: its open whistles when filed, or 零报告.
CREATE TABLE whistle_reports (
  school_id  INTEGER NOT NULL REFERENCES org_units(id),
  month      TEXT NOT NULL,
  nil        INTEGER NOT NULL,
  open_count INTEGER NOT NULL,
  summary    TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT '',
  filed_by   TEXT NOT NULL,
  filed_at   TEXT NOT NULL,
  PRIMARY KEY (school_id, month)
);
CREATE INDEX whistle_reports_month ON whistle_reports(month);
