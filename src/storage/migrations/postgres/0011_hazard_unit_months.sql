-- Monthly hazard figures counted at the school and at every unit above it (its path), like
-- hazard_unit_counts, so that a board reads twelve rows per top unit of its scope instead of
-- every school's months (12,000 rows for a city). Replaces hazard_month_stats (per school only);
-- the columns keep their meaning (months in China time):
--   found         hazards found in the month
--   found_closed  of those, the ones closed (closed_at set) now
--   closed        hazards closed in the month
--   close_days    their days from found to closed, summed
-- Derived data: not in the logical backup (restoring the hazards rebuilds it through the same
-- triggers).
CREATE TABLE hazard_unit_months (
  unit_id      BIGINT NOT NULL,
  month        TEXT NOT NULL,
  found        BIGINT NOT NULL DEFAULT 0,
  found_closed BIGINT NOT NULL DEFAULT 0,
  closed       BIGINT NOT NULL DEFAULT 0,
  close_days   DOUBLE PRECISION NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, month)
);

INSERT INTO hazard_unit_months (unit_id, month, found, found_closed, closed, close_days)
SELECT a::bigint, m.month, SUM(m.found), SUM(m.found_closed), SUM(m.closed), SUM(m.close_days)
  FROM hazard_month_stats m
  JOIN org_units s ON s.id = m.school_id,
       unnest(string_to_array(trim(both '/' from s.path), '/')) a
 GROUP BY 1, 2;

DROP TRIGGER hazards_stats ON hazards;
DROP TRIGGER hazards_stats_update ON hazards;
DROP FUNCTION hazards_stats_trigger();
DROP FUNCTION hazard_stats_apply(BIGINT, TEXT, TEXT, INT);
DROP TABLE hazard_month_stats;

CREATE FUNCTION hazard_months_apply(p_school BIGINT, p_found TEXT, p_closed TEXT, p_sign INT)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO hazard_unit_months AS m (unit_id, month, found, found_closed)
  SELECT a::bigint, hazard_month(p_found), p_sign,
         CASE WHEN p_closed IS NULL THEN 0 ELSE p_sign END
    FROM org_units s, unnest(string_to_array(trim(both '/' from s.path), '/')) a
   WHERE s.id = p_school
  ON CONFLICT (unit_id, month) DO UPDATE SET found = m.found + EXCLUDED.found,
                                             found_closed = m.found_closed + EXCLUDED.found_closed;
  IF p_closed IS NOT NULL THEN
    INSERT INTO hazard_unit_months AS m (unit_id, month, closed, close_days)
    SELECT a::bigint, hazard_month(p_closed), p_sign,
           p_sign * EXTRACT(EPOCH FROM (p_closed::timestamptz - p_found::timestamptz)) / 86400.0
      FROM org_units s, unnest(string_to_array(trim(both '/' from s.path), '/')) a
     WHERE s.id = p_school
    ON CONFLICT (unit_id, month) DO UPDATE SET closed = m.closed + EXCLUDED.closed,
                                               close_days = m.close_days + EXCLUDED.close_days;
  END IF;
END;
$$;

CREATE FUNCTION hazards_months_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
    PERFORM hazard_months_apply(OLD.school_id, OLD.found_at, OLD.closed_at, -1);
  END IF;
  IF TG_OP = 'UPDATE' OR TG_OP = 'INSERT' THEN
    PERFORM hazard_months_apply(NEW.school_id, NEW.found_at, NEW.closed_at, 1);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER hazards_months AFTER INSERT OR DELETE ON hazards
  FOR EACH ROW EXECUTE FUNCTION hazards_months_trigger();
CREATE TRIGGER hazards_months_update AFTER UPDATE ON hazards
  FOR EACH ROW
  WHEN (OLD.school_id IS DISTINCT FROM NEW.school_id OR OLD.found_at IS DISTINCT FROM NEW.found_at
        OR OLD.closed_at IS DISTINCT FROM NEW.closed_at)
  EXECUTE FUNCTION hazards_months_trigger();
