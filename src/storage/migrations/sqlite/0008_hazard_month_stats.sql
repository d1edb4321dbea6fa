-- Monthly hazard figures per school (months in China time), kept by triggers on hazards, so that
-- the board reads a few rows per school and month instead of every hazard. Derived data: not in
-- the logical backup (restoring the hazards rebuilds it through the same triggers).
--   found         hazards found in the month
--   found_closed  of those, the ones closed (closed_at set) now
--   closed        hazards closed in the month
--   close_days    their days from found to closed, summed
CREATE TABLE hazard_month_stats (
  school_id    INTEGER NOT NULL,
  month        TEXT NOT NULL,
  found        INTEGER NOT NULL DEFAULT 0,
  found_closed INTEGER NOT NULL DEFAULT 0,
  closed       INTEGER NOT NULL DEFAULT 0,
  close_days   REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (school_id, month)
);

INSERT INTO hazard_month_stats (school_id, month, found, found_closed)
SELECT school_id, strftime('%Y-%m', found_at, '+8 hours'), COUNT(*), SUM(closed_at IS NOT NULL)
  FROM hazards WHERE true GROUP BY 1, 2;
INSERT INTO hazard_month_stats (school_id, month, closed, close_days)
SELECT school_id, strftime('%Y-%m', closed_at, '+8 hours'), COUNT(*),
       SUM(julianday(closed_at) - julianday(found_at))
  FROM hazards WHERE closed_at IS NOT NULL GROUP BY 1, 2
ON CONFLICT (school_id, month) DO UPDATE SET closed = excluded.closed,
                                             close_days = excluded.close_days;

CREATE TRIGGER hazards_stats_insert AFTER INSERT ON hazards BEGIN
  INSERT INTO hazard_month_stats (school_id, month, found, found_closed)
  VALUES (NEW.school_id, strftime('%Y-%m', NEW.found_at, '+8 hours'), 1, NEW.closed_at IS NOT NULL)
  ON CONFLICT (school_id, month) DO UPDATE SET found = found + excluded.found,
                                               found_closed = found_closed + excluded.found_closed;
  INSERT INTO hazard_month_stats (school_id, month, closed, close_days)
  SELECT NEW.school_id, strftime('%Y-%m', NEW.closed_at, '+8 hours'), 1,
         julianday(NEW.closed_at) - julianday(NEW.found_at)
   WHERE NEW.closed_at IS NOT NULL
  ON CONFLICT (school_id, month) DO UPDATE SET closed = closed + excluded.closed,
                                               close_days = close_days + excluded.close_days;
END;

CREATE TRIGGER hazards_stats_delete AFTER DELETE ON hazards BEGIN
  UPDATE hazard_month_stats SET found = found - 1, found_closed = found_closed - (OLD.closed_at IS NOT NULL)
   WHERE school_id = OLD.school_id AND month = strftime('%Y-%m', OLD.found_at, '+8 hours');
  UPDATE hazard_month_stats
     SET closed = closed - 1, close_days = close_days - (julianday(OLD.closed_at) - julianday(OLD.found_at))
   WHERE OLD.closed_at IS NOT NULL AND school_id = OLD.school_id
     AND month = strftime('%Y-%m', OLD.closed_at, '+8 hours');
END;

CREATE TRIGGER hazards_stats_update AFTER UPDATE OF school_id, found_at, closed_at ON hazards
WHEN OLD.school_id IS NOT NEW.school_id OR OLD.found_at IS NOT NEW.found_at
  OR OLD.closed_at IS NOT NEW.closed_at
BEGIN
  UPDATE hazard_month_stats SET found = found - 1, found_closed = found_closed - (OLD.closed_at IS NOT NULL)
   WHERE school_id = OLD.school_id AND month = strftime('%Y-%m', OLD.found_at, '+8 hours');
  UPDATE hazard_month_stats
     SET closed = closed - 1, close_days = close_days - (julianday(OLD.closed_at) - julianday(OLD.found_at))
   WHERE OLD.closed_at IS NOT NULL AND school_id = OLD.school_id
     AND month = strftime('%Y-%m', OLD.closed_at, '+8 hours');
  INSERT INTO hazard_month_stats (school_id, month, found, found_closed)
  VALUES (NEW.school_id, strftime('%Y-%m', NEW.found_at, '+8 hours'), 1, NEW.closed_at IS NOT NULL)
  ON CONFLICT (school_id, month) DO UPDATE SET found = found + excluded.found,
                                               found_closed = found_closed + excluded.found_closed;
  INSERT INTO hazard_month_stats (school_id, month, closed, close_days)
  SELECT NEW.school_id, strftime('%Y-%m', NEW.closed_at, '+8 hours'), 1,
         julianday(NEW.closed_at) - julianday(NEW.found_at)
   WHERE NEW.closed_at IS NOT NULL
  ON CONFLICT (school_id, month) DO UPDATE SET closed = closed + excluded.closed,
                                               close_days = close_days + excluded.close_days;
END;

-- The board's open counts read only this index (open hazards are a small part of the ledger).
CREATE INDEX hazards_open_board ON hazards(state, school_id, level, domain, supervised, deadline);
