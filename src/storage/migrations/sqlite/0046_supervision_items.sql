-- 监管事项 (measure 2): the matters each bureau section oversees, by stage (管学段, with the stage)
-- or by business (管业务), the plan's measures each serves (comma-separated numbers), the post and
-- the person of the section it is assigned to; version raised on each change.
CREATE TABLE supervision_items (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  bureau_id      INTEGER NOT NULL REFERENCES org_units(id),
  section_id     INTEGER NOT NULL REFERENCES org_units(id),
  kind           TEXT NOT NULL,
  stage          TEXT NOT NULL DEFAULT '',
  title          TEXT NOT NULL,
  detail         TEXT NOT NULL DEFAULT '',
  measures       TEXT NOT NULL,
  post           TEXT NOT NULL,
  person_user_id INTEGER NOT NULL REFERENCES users(id),
  version        INTEGER NOT NULL,
  updated_by     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX supervision_items_bureau ON supervision_items(bureau_id, section_id);
CREATE INDEX supervision_items_person ON supervision_items(person_user_id);
