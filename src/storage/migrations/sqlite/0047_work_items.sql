-- 全区“一盘棋” (measure 3): the bureau's common tasks, key matters and routine work, each led by a
-- section, deployed to schools and sections (work_targets), due once or on a recurrence (recurrence:
-- once with due; weekly, monthly or quarterly with day, from_day and until_day); each unit's report
-- of a due day (work_reports, one per unit and day). Dates are YYYY-MM-DD.
CREATE TABLE work_items (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  bureau_id       INTEGER NOT NULL REFERENCES org_units(id),
  kind            TEXT NOT NULL,
  title           TEXT NOT NULL,
  detail          TEXT NOT NULL DEFAULT '',
  measures        TEXT NOT NULL,
  lead_section_id INTEGER NOT NULL REFERENCES org_units(id),
  recurrence      TEXT NOT NULL,
  due             TEXT NOT NULL DEFAULT '',
  day             INTEGER NOT NULL DEFAULT 0,
  from_day        TEXT NOT NULL DEFAULT '',
  until_day       TEXT NOT NULL DEFAULT '',
  version         INTEGER NOT NULL,
  updated_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX work_items_bureau ON work_items(bureau_id, id);
CREATE TABLE work_targets (
  item_id INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL REFERENCES org_units(id),
  PRIMARY KEY (item_id, unit_id)
);
CREATE INDEX work_targets_unit ON work_targets(unit_id);
CREATE TABLE work_reports (
  item_id     INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
  unit_id     INTEGER NOT NULL REFERENCES org_units(id),
  due         TEXT NOT NULL,
  done_on     TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  reported_by TEXT NOT NULL,
  reported_at TEXT NOT NULL,
  PRIMARY KEY (item_id, unit_id, due)
);
CREATE INDEX work_reports_unit ON work_reports(unit_id, due);
