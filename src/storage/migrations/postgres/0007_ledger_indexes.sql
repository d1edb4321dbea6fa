-- Indexes for the hazard ledger's common lists and the escalation rules' look-ups, chosen with
-- the benchmarks (docs/performance.md): a school's ledger newest first, a school's hazards by
-- state, hazards of one domain (optionally supervised) newest first, open hazards by state and
-- level in deadline order, and the same-domain history of a school. hazards_domain covers the
-- counts (school_id is read from the index for the scope), hazards_domain_found the pages.
DROP INDEX hazards_school;
CREATE INDEX hazards_school ON hazards(school_id, state, found_at);
CREATE INDEX hazards_school_found ON hazards(school_id, found_at);
CREATE INDEX hazards_school_domain ON hazards(school_id, domain, closed_at);
CREATE INDEX hazards_domain ON hazards(domain, supervised, state, found_at, school_id);
CREATE INDEX hazards_domain_found ON hazards(domain, supervised, found_at);
CREATE INDEX hazards_state_level ON hazards(state, level, deadline);
CREATE INDEX self_inspections_school_domain ON self_inspections(school_id, domain, checked_at);
