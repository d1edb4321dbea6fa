-- Routine patrols (常态化防火巡查): a school's schedule of patrols of a key place from one version
-- of a checklist, and the patrols done. What is due is computed from the plan and the school
-- calendar when asked, never stored in advance; a patrol's answers keep the item they answered
-- and, once a failed item is raised, the hazard it became.
CREATE TABLE patrol_plans (
  id               INTEGER PRIMARY KEY,
  school_id        INTEGER NOT NULL REFERENCES org_units(id),
  key_place_id     INTEGER NOT NULL REFERENCES school_key_places(id),
  template_id      INTEGER NOT NULL REFERENCES checklist_templates(id),
  frequency        TEXT NOT NULL,
  shifts           TEXT NOT NULL DEFAULT '',  -- comma-separated minutes after midnight
  school_days_only INTEGER NOT NULL DEFAULT 1,
  patroller        TEXT NOT NULL DEFAULT '',
  starts_on        TEXT NOT NULL,
  ends_on          TEXT,
  note             TEXT NOT NULL DEFAULT '',
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX patrol_plans_school ON patrol_plans(school_id);
CREATE INDEX patrol_plans_place ON patrol_plans(key_place_id);

CREATE TABLE patrol_records (
  id           INTEGER PRIMARY KEY,
  plan_id      INTEGER NOT NULL REFERENCES patrol_plans(id),
  school_id    INTEGER NOT NULL REFERENCES org_units(id),
  key_place_id INTEGER NOT NULL REFERENCES school_key_places(id),
  template_id  INTEGER NOT NULL REFERENCES checklist_templates(id),
  patrol_date  TEXT NOT NULL,
  shift        INTEGER NOT NULL DEFAULT 0,
  patrolled_at TEXT NOT NULL,
  patroller    TEXT NOT NULL,
  username     TEXT NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  failed       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX patrol_records_plan ON patrol_records(plan_id, patrol_date);
CREATE INDEX patrol_records_school ON patrol_records(school_id, patrol_date);

CREATE TABLE patrol_answers (
  record_id INTEGER NOT NULL REFERENCES patrol_records(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  item_key  TEXT NOT NULL,
  value     TEXT NOT NULL,
  verdict   TEXT NOT NULL,
  note      TEXT NOT NULL DEFAULT '',
  file_ids  TEXT NOT NULL DEFAULT '',  -- comma-separated ids of the item's photos
  hazard_id INTEGER REFERENCES hazards(id),
  PRIMARY KEY (record_id, item_key)
);
