-- The hazard ledger (隐患台账): hazards, their timeline, files, escalations, supervision orders
-- (督办单), self-inspection results and in-app notifications.
CREATE TABLE files (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size         INTEGER NOT NULL,
  sha256       TEXT NOT NULL,
  uploaded_by  TEXT NOT NULL,
  unit_id      INTEGER NOT NULL,
  uploaded_at  TEXT NOT NULL
);

CREATE TABLE hazards (
  id               INTEGER PRIMARY KEY,
  school_id        INTEGER NOT NULL REFERENCES org_units(id),
  building_id      INTEGER REFERENCES school_buildings(id) ON DELETE SET NULL,
  key_place_id     INTEGER REFERENCES school_key_places(id) ON DELETE SET NULL,
  place            TEXT NOT NULL DEFAULT '',
  domain           TEXT NOT NULL,
  level            TEXT NOT NULL,
  title            TEXT NOT NULL,
  description      TEXT NOT NULL DEFAULT '',
  found_at         TEXT NOT NULL,
  found_by         TEXT NOT NULL,
  source           TEXT NOT NULL,
  campaign_id      INTEGER,
  responsible      TEXT NOT NULL DEFAULT '',
  owner            TEXT NOT NULL DEFAULT '',
  deadline         TEXT,
  deadline_reason  TEXT NOT NULL DEFAULT '',
  interim_measures TEXT NOT NULL DEFAULT '',
  five_measures    TEXT NOT NULL DEFAULT '',
  five_responsible TEXT NOT NULL DEFAULT '',
  five_funds       TEXT NOT NULL DEFAULT '',
  five_deadline    TEXT NOT NULL DEFAULT '',
  five_plan        TEXT NOT NULL DEFAULT '',
  state            TEXT NOT NULL,
  rectifier        TEXT NOT NULL DEFAULT '',
  rework_count     INTEGER NOT NULL DEFAULT 0,
  reopen_count     INTEGER NOT NULL DEFAULT 0,
  supervised       INTEGER NOT NULL DEFAULT 0,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  closed_at        TEXT
);
CREATE INDEX hazards_school ON hazards(school_id, state);
CREATE INDEX hazards_state_deadline ON hazards(state, deadline);
CREATE INDEX hazards_found ON hazards(found_at);

CREATE TABLE hazard_events (
  id           INTEGER PRIMARY KEY,
  hazard_id    INTEGER NOT NULL REFERENCES hazards(id),
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  from_state   TEXT NOT NULL DEFAULT '',
  to_state     TEXT NOT NULL DEFAULT '',
  note         TEXT NOT NULL DEFAULT '',
  signature_id INTEGER REFERENCES signatures(id)
);
CREATE INDEX hazard_events_hazard ON hazard_events(hazard_id);

CREATE TABLE hazard_files (
  file_id   INTEGER PRIMARY KEY REFERENCES files(id),
  hazard_id INTEGER NOT NULL REFERENCES hazards(id),
  event_id  INTEGER NOT NULL REFERENCES hazard_events(id)
);
CREATE INDEX hazard_files_hazard ON hazard_files(hazard_id);

-- Each rule fires once per hazard.
CREATE TABLE hazard_escalations (
  id          INTEGER PRIMARY KEY,
  hazard_id   INTEGER NOT NULL REFERENCES hazards(id),
  rule        TEXT NOT NULL,
  target      TEXT NOT NULL,
  supervision INTEGER NOT NULL DEFAULT 0,
  reason      TEXT NOT NULL,
  fired_at    TEXT NOT NULL,
  UNIQUE (hazard_id, rule)
);

CREATE TABLE supervision_orders (
  id         INTEGER PRIMARY KEY,
  hazard_id  INTEGER NOT NULL REFERENCES hazards(id),
  school_id  INTEGER NOT NULL REFERENCES org_units(id),
  rule       TEXT NOT NULL,
  reason     TEXT NOT NULL,
  deadline   TEXT NOT NULL,
  state      TEXT NOT NULL,
  reply      TEXT NOT NULL DEFAULT '',
  replied_by TEXT NOT NULL DEFAULT '',
  replied_at TEXT,
  created_at TEXT NOT NULL,
  closed_at  TEXT,
  closed_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX supervision_orders_school ON supervision_orders(school_id, state);
CREATE INDEX supervision_orders_hazard ON supervision_orders(hazard_id);

CREATE TABLE self_inspections (
  id           INTEGER PRIMARY KEY,
  school_id    INTEGER NOT NULL REFERENCES org_units(id),
  key_place_id INTEGER REFERENCES school_key_places(id) ON DELETE SET NULL,
  domain       TEXT NOT NULL,
  passed       INTEGER NOT NULL,
  checked_at   TEXT NOT NULL,
  checked_by   TEXT NOT NULL,
  campaign_id  INTEGER,
  note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX self_inspections_school ON self_inspections(school_id, checked_at);

CREATE TABLE notifications (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL DEFAULT '',
  object_type TEXT NOT NULL DEFAULT '',
  object_id   TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  read_at     TEXT
);
CREATE INDEX notifications_user ON notifications(user_id, read_at);
