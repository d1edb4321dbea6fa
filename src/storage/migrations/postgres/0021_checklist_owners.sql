-- Whose checklist a template is: the shipped ones belong to no unit and every school sees them;
-- a bureau's own templates (written, copied from a shipped one, or imported) belong to the bureau,
-- are seen by it, the units it covers and the schools below it, and are changed only by it.
ALTER TABLE checklist_templates ADD COLUMN owner_unit_id BIGINT REFERENCES org_units(id);
CREATE INDEX checklist_templates_owner ON checklist_templates(owner_unit_id);
