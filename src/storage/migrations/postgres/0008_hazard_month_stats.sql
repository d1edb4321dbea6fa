-- Monthly hazard figures per school (months in China time), kept by triggers on hazards, so that
-- the board reads a few rows per school and month instead of every hazard. Derived data: not in
-- the logical backup (restoring the hazards rebuilds it through the same triggers).
--   found         hazards found in the month
--   found_closed  of those, the ones closed (closed_at set) now
--   closed        hazards closed in the month
--   close_days    their days from found to closed, summed
CREATE TABLE hazard_month_stats (
  school_id    BIGINT NOT NULL,
  month        TEXT NOT NULL,
  found        BIGINT NOT NULL DEFAULT 0,
  found_closed BIGINT NOT NULL DEFAULT 0,
  closed       BIGINT NOT NULL DEFAULT 0,
  close_days   DOUBLE PRECISION NOT NULL DEFAULT 0,
  PRIMARY KEY (school_id, month)
);

CREATE FUNCTION hazard_month(p_at TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT to_char((p_at::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')
$$;

CREATE FUNCTION hazard_stats_apply(p_school BIGINT, p_found TEXT, p_closed TEXT, p_sign INT)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO hazard_month_stats AS s (school_id, month, found, found_closed)
  VALUES (p_school, hazard_month(p_found), p_sign,
          CASE WHEN p_closed IS NULL THEN 0 ELSE p_sign END)
  ON CONFLICT (school_id, month) DO UPDATE SET found = s.found + EXCLUDED.found,
                                               found_closed = s.found_closed + EXCLUDED.found_closed;
  IF p_closed IS NOT NULL THEN
    INSERT INTO hazard_month_stats AS s (school_id, month, closed, close_days)
    VALUES (p_school, hazard_month(p_closed), p_sign,
            p_sign * EXTRACT(EPOCH FROM (p_closed::timestamptz - p_found::timestamptz)) / 86400.0)
    ON CONFLICT (school_id, month) DO UPDATE SET closed = s.closed + EXCLUDED.closed,
                                                 close_days = s.close_days + EXCLUDED.close_days;
  END IF;
END;
$$;

INSERT INTO hazard_month_stats (school_id, month, found, found_closed)
SELECT school_id, hazard_month(found_at), COUNT(*), COUNT(closed_at)
  FROM hazards GROUP BY 1, 2;
INSERT INTO hazard_month_stats AS s (school_id, month, closed, close_days)
SELECT school_id, hazard_month(closed_at), COUNT(*),
       SUM(EXTRACT(EPOCH FROM (closed_at::timestamptz - found_at::timestamptz)) / 86400.0)
  FROM hazards WHERE closed_at IS NOT NULL GROUP BY 1, 2
ON CONFLICT (school_id, month) DO UPDATE SET closed = EXCLUDED.closed,
                                             close_days = EXCLUDED.close_days;

CREATE FUNCTION hazards_stats_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
    PERFORM hazard_stats_apply(OLD.school_id, OLD.found_at, OLD.closed_at, -1);
  END IF;
  IF TG_OP = 'UPDATE' OR TG_OP = 'INSERT' THEN
    PERFORM hazard_stats_apply(NEW.school_id, NEW.found_at, NEW.closed_at, 1);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER hazards_stats AFTER INSERT OR DELETE ON hazards
  FOR EACH ROW EXECUTE FUNCTION hazards_stats_trigger();
CREATE TRIGGER hazards_stats_update AFTER UPDATE ON hazards
  FOR EACH ROW
  WHEN (OLD.school_id IS DISTINCT FROM NEW.school_id OR OLD.found_at IS DISTINCT FROM NEW.found_at
        OR OLD.closed_at IS DISTINCT FROM NEW.closed_at)
  EXECUTE FUNCTION hazards_stats_trigger();

-- The board's open counts read only this index (open hazards are a small part of the ledger).
CREATE INDEX hazards_open_board ON hazards(state, school_id, level, domain, supervised, deadline);
