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
  unit_id      INTEGER NOT NULL,
  month        TEXT NOT NULL,
  found        INTEGER NOT NULL DEFAULT 0,
  found_closed INTEGER NOT NULL DEFAULT 0,
  closed       INTEGER NOT NULL DEFAULT 0,
  close_days   REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, month)
) WITHOUT ROWID;

INSERT INTO hazard_unit_months (unit_id, month, found, found_closed, closed, close_days)
SELECT CAST(j.value AS INTEGER), m.month, SUM(m.found), SUM(m.found_closed), SUM(m.closed),
       SUM(m.close_days)
  FROM hazard_month_stats m
  JOIN org_units s ON s.id = m.school_id,
       json_each('[' || trim(replace(s.path, '/', ','), ',') || ']') j
 GROUP BY 1, 2;

DROP TRIGGER hazards_stats_insert;
DROP TRIGGER hazards_stats_delete;
DROP TRIGGER hazards_stats_update;
DROP TABLE hazard_month_stats;

CREATE TRIGGER hazards_months_insert AFTER INSERT ON hazards BEGIN
  INSERT INTO hazard_unit_months (unit_id, month, found, found_closed)
  SELECT CAST(j.value AS INTEGER), strftime('%Y-%m', NEW.found_at, '+8 hours'), 1,
         NEW.closed_at IS NOT NULL
    FROM org_units s, json_each('[' || trim(replace(s.path, '/', ','), ',') || ']') j
   WHERE s.id = NEW.school_id
  ON CONFLICT (unit_id, month) DO UPDATE SET found = found + excluded.found,
                                             found_closed = found_closed + excluded.found_closed;
  INSERT INTO hazard_unit_months (unit_id, month, closed, close_days)
  SELECT CAST(j.value AS INTEGER), strftime('%Y-%m', NEW.closed_at, '+8 hours'), 1,
         julianday(NEW.closed_at) - julianday(NEW.found_at)
    FROM org_units s, json_each('[' || trim(replace(s.path, '/', ','), ',') || ']') j
   WHERE s.id = NEW.school_id AND NEW.closed_at IS NOT NULL
  ON CONFLICT (unit_id, month) DO UPDATE SET closed = closed + excluded.closed,
                                             close_days = close_days + excluded.close_days;
END;

CREATE TRIGGER hazards_months_delete AFTER DELETE ON hazards BEGIN
  UPDATE hazard_unit_months
     SET found = found - 1, found_closed = found_closed - (OLD.closed_at IS NOT NULL)
   WHERE unit_id IN (SELECT CAST(j.value AS INTEGER)
                       FROM org_units s,
                            json_each('[' || trim(replace(s.path, '/', ','), ',') || ']') j
                      WHERE s.id = OLD.school_id)
     AND month = strftime('%Y-%m', OLD.found_at, '+8 hours');
  UPDATE hazard_unit_months
     SET closed = closed - 1,
         close_days = close_days - (julianday(OLD.closed_at) - julianday(OLD.found_at))
   WHERE OLD.closed_at IS NOT NULL
     AND unit_id IN (SELECT CAST(j.value AS INTEGER)
                       FROM org_units s,
                            json_each('[' || trim(replace(s.path, '/', ','), ',') || ']') j
                      WHERE s.id = OLD.school_id)
     AND month = strftime('%Y-%m', OLD.closed_at, '+8 hours');
END;

CREATE TRIGGER hazards_months_update AFTER UPDATE OF school_id, found_at, closed_at ON hazards
WHEN OLD.school_id IS NOT NEW.school_id OR OLD.found_at IS NOT NEW.found_at
  OR OLD.closed_at IS NOT NEW.closed_at
BEGIN
  UPDATE hazard_unit_months
     SET found = found - 1, found_closed = found_closed - (OLD.closed_at IS NOT NULL)
   WHERE unit_id IN (SELECT CAST(j.value AS INTEGER)
                       FROM org_units s,
                            json_each('[' || trim(replace(s.path, '/', ','), ',') || ']') j
                      WHERE s.id = OLD.school_id)
     AND month = strftime('%Y-%m', OLD.found_at, '+8 hours');
  UPDATE hazard_unit_months
     SET closed = closed - 1,
         close_days = close_days - (julianday(OLD.closed_at) - julianday(OLD.found_at))
   WHERE OLD.closed_at IS NOT NULL
     AND unit_id IN (SELECT CAST(j.value AS INTEGER)
                       FROM org_units s,
                            json_each('[' || trim(replace(s.path, '/', ','), ',') || ']') j
                      WHERE s.id = OLD.school_id)
     AND month = strftime('%Y-%m', OLD.closed_at, '+8 hours');
  INSERT INTO hazard_unit_months (unit_id, month, found, found_closed)
  SELECT CAST(j.value AS INTEGER), strftime('%Y-%m', NEW.found_at, '+8 hours'), 1,
         NEW.closed_at IS NOT NULL
    FROM org_units s, json_each('[' || trim(replace(s.path, '/', ','), ',') || ']') j
   WHERE s.id = NEW.school_id
  ON CONFLICT (unit_id, month) DO UPDATE SET found = found + excluded.found,
                                             found_closed = found_closed + excluded.found_closed;
  INSERT INTO hazard_unit_months (unit_id, month, closed, close_days)
  SELECT CAST(j.value AS INTEGER), strftime('%Y-%m', NEW.closed_at, '+8 hours'), 1,
         julianday(NEW.closed_at) - julianday(NEW.found_at)
    FROM org_units s, json_each('[' || trim(replace(s.path, '/', ','), ',') || ']') j
   WHERE s.id = NEW.school_id AND NEW.closed_at IS NOT NULL
  ON CONFLICT (unit_id, month) DO UPDATE SET closed = closed + excluded.closed,
                                             close_days = close_days + excluded.close_days;
END;
