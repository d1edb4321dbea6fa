-- The hazard board written by hand as plain SQL over the whole data set (every school): the
-- query reference of the P6 benchmark, run in the sqlite3 shell on the same database.
-- Open hazards by school, level, domain, overdue and supervision.
SELECT h.school_id, u.name, h.level, h.domain,
       CASE WHEN h.deadline IS NOT NULL AND h.deadline < date('now', '+8 hours') THEN 1 ELSE 0 END
         AS overdue,
       h.supervised, COUNT(*)
  FROM hazards h JOIN org_units u ON u.id = h.school_id
 WHERE h.state <> 'closed'
 GROUP BY 1, 2, 3, 4, 5, 6;
-- Twelve-month trend: hazards found per month.
SELECT substr(found_at, 1, 7) AS month, COUNT(*)
  FROM hazards
 WHERE found_at >= date('now', 'start of month', '-11 months')
 GROUP BY month;
-- Twelve-month trend: hazards closed per month and their average days to close.
SELECT substr(closed_at, 1, 7) AS month, COUNT(*),
       AVG(julianday(closed_at) - julianday(found_at))
  FROM hazards
 WHERE closed_at >= date('now', 'start of month', '-11 months')
 GROUP BY month;
-- Closure rate of the year's hazards.
SELECT SUM(state = 'closed'), COUNT(*)
  FROM hazards
 WHERE found_at >= date('now', 'start of month', '-11 months');
