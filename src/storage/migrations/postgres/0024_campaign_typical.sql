-- Typical problems of a campaign (典型问题): hazards of the campaign the bureau marks to be shown
-- at the district's video meeting, with the bureau's note; the briefing lists them.
CREATE TABLE campaign_typical (
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  hazard_id   BIGINT NOT NULL REFERENCES hazards(id),
  note        TEXT NOT NULL DEFAULT '',
  marked_by   TEXT NOT NULL,
  marked_at   TEXT NOT NULL,
  PRIMARY KEY (campaign_id, hazard_id)
);
