-- Hazard counts kept by triggers on hazards, so that the ledger's totals and the board read a
-- few hundred rows instead of every hazard. Derived data: not in the logical backup (restoring
-- the hazards rebuilds both tables through the same triggers). Units never move (a unit's path
-- is fixed when it is created), so a school's ancestors are the ids on its path.
--
-- hazard_unit_counts: hazards per state, level, domain, supervision and source, counted at the
-- school and at every unit above it (its path), so a subtree's count is its top unit's rows.
CREATE TABLE hazard_unit_counts (
  unit_id    BIGINT NOT NULL,
  state      TEXT NOT NULL,
  level      TEXT NOT NULL,
  domain     TEXT NOT NULL,
  supervised INTEGER NOT NULL,
  source     TEXT NOT NULL,
  n          BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, state, level, domain, supervised, source)
);

-- hazard_school_open: each school's open (not closed) hazards, its major ones and its
-- supervised ones — the board's school list.
CREATE TABLE hazard_school_open (
  school_id  BIGINT PRIMARY KEY,
  open       BIGINT NOT NULL DEFAULT 0,
  open_major BIGINT NOT NULL DEFAULT 0,
  supervised BIGINT NOT NULL DEFAULT 0
);

INSERT INTO hazard_unit_counts (unit_id, state, level, domain, supervised, source, n)
SELECT a.id, c.state, c.level, c.domain, c.supervised, c.source, SUM(c.n)
  FROM (SELECT school_id, state, level, domain, supervised, source, COUNT(*) AS n
          FROM hazards GROUP BY 1, 2, 3, 4, 5, 6) c
  JOIN org_units s ON s.id = c.school_id
  JOIN org_units a ON substr(s.path, 1, length(a.path)) = a.path
 GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO hazard_school_open (school_id, open, open_major, supervised)
SELECT school_id, COUNT(*), COUNT(*) FILTER (WHERE level = 'major'),
       COUNT(*) FILTER (WHERE supervised <> 0)
  FROM hazards WHERE state <> 'closed' GROUP BY school_id;

CREATE FUNCTION hazard_counts_apply(p_school BIGINT, p_state TEXT, p_level TEXT, p_domain TEXT,
                                    p_supervised INTEGER, p_source TEXT, p_sign INT)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO hazard_unit_counts AS c (unit_id, state, level, domain, supervised, source, n)
  SELECT a::bigint, p_state, p_level, p_domain, p_supervised, p_source, p_sign
    FROM org_units s, unnest(string_to_array(trim(both '/' from s.path), '/')) a
   WHERE s.id = p_school
  ON CONFLICT (unit_id, state, level, domain, supervised, source) DO UPDATE SET n = c.n + EXCLUDED.n;
  IF p_state <> 'closed' THEN
    INSERT INTO hazard_school_open AS o (school_id, open, open_major, supervised)
    VALUES (p_school, p_sign, CASE WHEN p_level = 'major' THEN p_sign ELSE 0 END,
            CASE WHEN p_supervised <> 0 THEN p_sign ELSE 0 END)
    ON CONFLICT (school_id) DO UPDATE SET open = o.open + EXCLUDED.open,
                                          open_major = o.open_major + EXCLUDED.open_major,
                                          supervised = o.supervised + EXCLUDED.supervised;
  END IF;
END;
$$;

CREATE FUNCTION hazards_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
    PERFORM hazard_counts_apply(OLD.school_id, OLD.state, OLD.level, OLD.domain, OLD.supervised,
                                OLD.source, -1);
  END IF;
  IF TG_OP = 'UPDATE' OR TG_OP = 'INSERT' THEN
    PERFORM hazard_counts_apply(NEW.school_id, NEW.state, NEW.level, NEW.domain, NEW.supervised,
                                NEW.source, 1);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER hazards_counts AFTER INSERT OR DELETE ON hazards
  FOR EACH ROW EXECUTE FUNCTION hazards_counts_trigger();
CREATE TRIGGER hazards_counts_update AFTER UPDATE ON hazards
  FOR EACH ROW
  WHEN (OLD.school_id IS DISTINCT FROM NEW.school_id OR OLD.state IS DISTINCT FROM NEW.state
        OR OLD.level IS DISTINCT FROM NEW.level OR OLD.domain IS DISTINCT FROM NEW.domain
        OR OLD.supervised IS DISTINCT FROM NEW.supervised
        OR OLD.source IS DISTINCT FROM NEW.source)
  EXECUTE FUNCTION hazards_counts_trigger();

-- Overdue hazards (open, deadline passed) are counted per school from this index; the board's
-- open counts no longer read hazards_open_board.
DROP INDEX hazards_open_board;
CREATE INDEX hazards_open_deadline ON hazards(state, school_id, deadline);
