-- Inspection campaigns (专项行动): what the bureau or the city deployed, to which schools, with
-- which checklist versions; the inspection teams; each school's progress; the sheets filled by
-- the school and by the teams with their answers (an answer keeps the hazard it became); the
-- feedback and replies. Scores are computed when asked, never stored.
CREATE TABLE campaigns (
  id                INTEGER PRIMARY KEY,
  owner_unit_id     INTEGER NOT NULL REFERENCES org_units(id),
  name              TEXT NOT NULL,
  level             TEXT NOT NULL,
  domains           TEXT NOT NULL,              -- comma-separated hazard domains
  description       TEXT NOT NULL DEFAULT '',
  target_stages     TEXT NOT NULL DEFAULT '',   -- comma-separated, as deployed
  target_locations  TEXT NOT NULL DEFAULT '',
  target_boarding   INTEGER,
  target_clusters   TEXT NOT NULL DEFAULT '',
  target_schools    TEXT NOT NULL DEFAULT '',
  self_from         TEXT NOT NULL,
  self_to           TEXT NOT NULL,
  inspect_from      TEXT NOT NULL,
  inspect_to        TEXT NOT NULL,
  w_completion      INTEGER NOT NULL,
  w_self_found      INTEGER NOT NULL,
  w_no_missed       INTEGER NOT NULL,
  w_rectified       INTEGER NOT NULL,
  w_closed          INTEGER NOT NULL,
  state             TEXT NOT NULL DEFAULT 'open',
  summary           TEXT NOT NULL DEFAULT '',
  created_by        TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  closed_at         TEXT
);
CREATE INDEX campaigns_owner ON campaigns(owner_unit_id);

CREATE TABLE campaign_templates (
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  position    INTEGER NOT NULL,
  template_id INTEGER NOT NULL REFERENCES checklist_templates(id),
  PRIMARY KEY (campaign_id, position)
);

CREATE TABLE campaign_teams (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL
);
CREATE INDEX campaign_teams_campaign ON campaign_teams(campaign_id);

CREATE TABLE campaign_team_members (
  team_id  INTEGER NOT NULL REFERENCES campaign_teams(id),
  username TEXT NOT NULL,
  PRIMARY KEY (team_id, username)
);
CREATE INDEX campaign_team_members_user ON campaign_team_members(username);

CREATE TABLE campaign_schools (
  campaign_id  INTEGER NOT NULL REFERENCES campaigns(id),
  school_id    INTEGER NOT NULL REFERENCES org_units(id),
  state        TEXT NOT NULL DEFAULT 'not_started',
  team_id      INTEGER REFERENCES campaign_teams(id),
  started_at   TEXT NOT NULL DEFAULT '',
  submitted_at TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (campaign_id, school_id)
);
CREATE INDEX campaign_schools_school ON campaign_schools(school_id);

CREATE TABLE campaign_sheets (
  id           INTEGER PRIMARY KEY,
  campaign_id  INTEGER NOT NULL REFERENCES campaigns(id),
  school_id    INTEGER NOT NULL REFERENCES org_units(id),
  kind         TEXT NOT NULL,
  team_id      INTEGER REFERENCES campaign_teams(id),
  template_id  INTEGER NOT NULL REFERENCES checklist_templates(id),
  key_place_id INTEGER REFERENCES school_key_places(id),
  filled_by    TEXT NOT NULL,
  username     TEXT NOT NULL,
  filled_at    TEXT NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  failed       INTEGER NOT NULL DEFAULT 0,
  missed       TEXT NOT NULL DEFAULT ''   -- comma-separated item keys flagged 自查未发现
);
CREATE INDEX campaign_sheets_school ON campaign_sheets(campaign_id, school_id);

CREATE TABLE campaign_answers (
  sheet_id  INTEGER NOT NULL REFERENCES campaign_sheets(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  item_key  TEXT NOT NULL,
  value     TEXT NOT NULL,
  verdict   TEXT NOT NULL,
  note      TEXT NOT NULL DEFAULT '',
  file_ids  TEXT NOT NULL DEFAULT '',
  hazard_id INTEGER REFERENCES hazards(id),
  PRIMARY KEY (sheet_id, item_key)
);

CREATE TABLE campaign_messages (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  school_id   INTEGER NOT NULL REFERENCES org_units(id),
  kind        TEXT NOT NULL,
  text        TEXT NOT NULL,
  deadline    TEXT,
  author      TEXT NOT NULL,
  username    TEXT NOT NULL,
  at          TEXT NOT NULL
);
CREATE INDEX campaign_messages_school ON campaign_messages(campaign_id, school_id);
CREATE INDEX hazards_campaign ON hazards(campaign_id);
