-- Hazard counts kept by triggers on hazards, so that the ledger's totals and the board read a
-- few hundred rows instead of every hazard. Derived data: not in the logical backup (restoring
-- the hazards rebuilds both tables through the same triggers). Units never move (a unit's path
-- is fixed when it is created), so a school's ancestors are the ids on its path.
--
-- hazard_unit_counts: hazards per state, level, domain, supervision and source, counted at the
-- school and at every unit above it (its path), so a subtree's count is its top unit's rows.
CREATE TABLE hazard_unit_counts (
  unit_id    INTEGER NOT NULL,
  state      TEXT NOT NULL,
  level      TEXT NOT NULL,
  domain     TEXT NOT NULL,
  supervised INTEGER NOT NULL,
  source     TEXT NOT NULL,
  n          INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, state, level, domain, supervised, source)
) WITHOUT ROWID;

-- hazard_school_open: each school's open (not closed) hazards, its major ones and its
-- supervised ones — the board's school list.
CREATE TABLE hazard_school_open (
  school_id  INTEGER PRIMARY KEY,
  open       INTEGER NOT NULL DEFAULT 0,
  open_major INTEGER NOT NULL DEFAULT 0,
  supervised INTEGER NOT NULL DEFAULT 0
);

INSERT INTO hazard_unit_counts (unit_id, state, level, domain, supervised, source, n)
SELECT a.id, c.state, c.level, c.domain, c.supervised, c.source, SUM(c.n)
  FROM (SELECT school_id, state, level, domain, supervised, source, COUNT(*) AS n
          FROM hazards GROUP BY 1, 2, 3, 4, 5, 6) c
  JOIN org_units s ON s.id = c.school_id
  JOIN org_units a ON substr(s.path, 1, length(a.path)) = a.path
 GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO hazard_school_open (school_id, open, open_major, supervised)
SELECT school_id, COUNT(*), SUM(level = 'major'), SUM(supervised <> 0)
  FROM hazards WHERE state <> 'closed' GROUP BY school_id;

CREATE TRIGGER hazards_counts_insert AFTER INSERT ON hazards BEGIN
  INSERT INTO hazard_unit_counts (unit_id, state, level, domain, supervised, source, n)
  SELECT CAST(j.value AS INTEGER), NEW.state, NEW.level, NEW.domain, NEW.supervised, NEW.source, 1
    FROM org_units s, json_each('[' || trim(replace(s.path, '/', ','), ',') || ']') j
   WHERE s.id = NEW.school_id
  ON CONFLICT (unit_id, state, level, domain, supervised, source) DO UPDATE SET n = n + 1;
  INSERT INTO hazard_school_open (school_id, open, open_major, supervised)
  SELECT NEW.school_id, 1, NEW.level = 'major', NEW.supervised <> 0 WHERE NEW.state <> 'closed'
  ON CONFLICT (school_id) DO UPDATE SET open = open + 1,
                                        open_major = open_major + excluded.open_major,
                                        supervised = supervised + excluded.supervised;
END;

CREATE TRIGGER hazards_counts_delete AFTER DELETE ON hazards BEGIN
  UPDATE hazard_unit_counts SET n = n - 1
   WHERE unit_id IN (SELECT CAST(j.value AS INTEGER)
                       FROM org_units s,
                            json_each('[' || trim(replace(s.path, '/', ','), ',') || ']') j
                      WHERE s.id = OLD.school_id)
     AND state = OLD.state AND level = OLD.level AND domain = OLD.domain
     AND supervised = OLD.supervised AND source = OLD.source;
  UPDATE hazard_school_open
     SET open = open - 1, open_major = open_major - (OLD.level = 'major'),
         supervised = supervised - (OLD.supervised <> 0)
   WHERE school_id = OLD.school_id AND OLD.state <> 'closed';
END;

CREATE TRIGGER hazards_counts_update
AFTER UPDATE OF school_id, state, level, domain, supervised, source ON hazards
WHEN OLD.school_id IS NOT NEW.school_id OR OLD.state IS NOT NEW.state
  OR OLD.level IS NOT NEW.level OR OLD.domain IS NOT NEW.domain
  OR OLD.supervised IS NOT NEW.supervised OR OLD.source IS NOT NEW.source
BEGIN
  UPDATE hazard_unit_counts SET n = n - 1
   WHERE unit_id IN (SELECT CAST(j.value AS INTEGER)
                       FROM org_units s,
                            json_each('[' || trim(replace(s.path, '/', ','), ',') || ']') j
                      WHERE s.id = OLD.school_id)
     AND state = OLD.state AND level = OLD.level AND domain = OLD.domain
     AND supervised = OLD.supervised AND source = OLD.source;
  INSERT INTO hazard_unit_counts (unit_id, state, level, domain, supervised, source, n)
  SELECT CAST(j.value AS INTEGER), NEW.state, NEW.level, NEW.domain, NEW.supervised, NEW.source, 1
    FROM org_units s, json_each('[' || trim(replace(s.path, '/', ','), ',') || ']') j
   WHERE s.id = NEW.school_id
  ON CONFLICT (unit_id, state, level, domain, supervised, source) DO UPDATE SET n = n + 1;
  UPDATE hazard_school_open
     SET open = open - 1, open_major = open_major - (OLD.level = 'major'),
         supervised = supervised - (OLD.supervised <> 0)
   WHERE school_id = OLD.school_id AND OLD.state <> 'closed';
  INSERT INTO hazard_school_open (school_id, open, open_major, supervised)
  SELECT NEW.school_id, 1, NEW.level = 'major', NEW.supervised <> 0 WHERE NEW.state <> 'closed'
  ON CONFLICT (school_id) DO UPDATE SET open = open + 1,
                                        open_major = open_major + excluded.open_major,
                                        supervised = supervised + excluded.supervised;
END;

-- Overdue hazards (open, deadline passed) are counted per school from this index; the board's
-- open counts no longer read hazards_open_board.
DROP INDEX hazards_open_board;
CREATE INDEX hazards_open_deadline ON hazards(state, school_id, deadline);
