-- Supervision orders and files belong to the platform, for any module's records: an order is
-- raised on a subject (its type and id, with the subject's title when raised) instead of a
-- hazard, and a file records the subject it is attached to (download rights follow it).
ALTER TABLE supervision_orders ADD COLUMN subject_type TEXT NOT NULL DEFAULT 'hazard';
ALTER TABLE supervision_orders ADD COLUMN subject_id BIGINT;
ALTER TABLE supervision_orders ADD COLUMN subject_title TEXT NOT NULL DEFAULT '';
UPDATE supervision_orders o SET subject_id = o.hazard_id,
                                subject_title = COALESCE((SELECT h.title FROM hazards h
                                                          WHERE h.id = o.hazard_id), '');
ALTER TABLE supervision_orders ALTER COLUMN subject_id SET NOT NULL;
ALTER TABLE supervision_orders ALTER COLUMN subject_type DROP DEFAULT;
DROP INDEX supervision_orders_hazard;
ALTER TABLE supervision_orders DROP COLUMN hazard_id;
CREATE INDEX supervision_orders_subject ON supervision_orders(subject_type, subject_id);

ALTER TABLE files ADD COLUMN subject_type TEXT;
ALTER TABLE files ADD COLUMN subject_id BIGINT;
UPDATE files f SET subject_type = 'hazard', subject_id = hf.hazard_id
FROM hazard_files hf WHERE hf.file_id = f.id;
