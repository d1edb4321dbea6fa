-- 联防联控 (measure 10): the bureau's tasks for the drowning-prevention member departments and
-- each department's report back (one per department; a later report replaces it). due_on and
-- reported_on are civil dates in China; created_at and at UTC instants.
CREATE TABLE edu_joint_tasks (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id    INTEGER NOT NULL REFERENCES org_units(id),
  title      TEXT NOT NULL,
  text       TEXT NOT NULL,
  kinds      TEXT NOT NULL,
  due_on     TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE edu_joint_task_departments (
  task_id       INTEGER NOT NULL REFERENCES edu_joint_tasks(id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL REFERENCES org_units(id),
  PRIMARY KEY (task_id, department_id)
);
CREATE INDEX edu_joint_task_departments_department ON edu_joint_task_departments(department_id);
CREATE TABLE edu_joint_reports (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  task_id       INTEGER NOT NULL REFERENCES edu_joint_tasks(id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL REFERENCES org_units(id),
  text          TEXT NOT NULL,
  patrolled     INTEGER NOT NULL DEFAULT 0,
  signs         INTEGER NOT NULL DEFAULT 0,
  fences        INTEGER NOT NULL DEFAULT 0,
  hazards       INTEGER NOT NULL DEFAULT 0,
  reported_by   TEXT NOT NULL,
  at            TEXT NOT NULL,
  reported_on   TEXT NOT NULL,
  UNIQUE (task_id, department_id)
);
