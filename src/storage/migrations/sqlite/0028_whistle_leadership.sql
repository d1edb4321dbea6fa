-- 学校吹哨、部门报到: an overdue part still not done some days after the bureau was told goes up to
-- the district's leadership once (whistle.ack's leader_days); when that happened.
ALTER TABLE whistle_assignments ADD COLUMN leader_escalated_at TEXT;
