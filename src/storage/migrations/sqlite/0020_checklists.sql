-- Checklists (检查表): versioned templates of check items for self-inspections, inspections and
-- patrols. Editing a template writes a new version (same code); campaigns and patrols keep the
-- version they started with, so a version is never changed once written.
CREATE TABLE checklist_templates (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL,
  version        INTEGER NOT NULL,
  name           TEXT NOT NULL,
  description    TEXT NOT NULL DEFAULT '',
  stages         TEXT NOT NULL DEFAULT '',  -- comma-separated stage codes; '' every stage
  location_types TEXT NOT NULL DEFAULT '',  -- comma-separated; '' every location type
  boarding       INTEGER,                   -- NULL any school, 1 boarding only, 0 day only
  shipped        INTEGER NOT NULL DEFAULT 0,
  created_by     TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  UNIQUE (code, version)
);

CREATE TABLE checklist_items (
  template_id    INTEGER NOT NULL REFERENCES checklist_templates(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  item_key       TEXT NOT NULL,
  text           TEXT NOT NULL,
  domain         TEXT NOT NULL,
  place_kind     TEXT,
  answer         TEXT NOT NULL,
  min_value      REAL,
  max_value      REAL,
  unit           TEXT NOT NULL DEFAULT '',
  photo_required INTEGER NOT NULL DEFAULT 0,
  failure_level  TEXT NOT NULL,
  basis          TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (template_id, position),
  UNIQUE (template_id, item_key)
);
