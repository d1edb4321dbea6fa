-- A school's open hazards in deadline order, from a partial index that holds only open hazards.
-- The list's overdue filter (a school's overdue hazards, sorted by deadline) read them before
-- from (state, school, deadline) in one range per open state and sorted the result; here it is
-- one range read in order, and the board counts a school's overdue hazards the same way
-- (docs/performance.md). Queries must say "state <> 'closed'" for the index to apply.
CREATE INDEX hazards_open_school_deadline ON hazards(school_id, deadline) WHERE state <> 'closed';
DROP INDEX hazards_open_deadline;
