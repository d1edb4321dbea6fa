-- The blind index of a unit's contact phone (docs/security.md, GM profile): an exact lookup that
-- needs no plain text in the database once the phone is sealed with SM4. Filled, and the phones
-- sealed or opened to match the configuration, by the server at start and by
-- `xiaoan protect-fields`.
ALTER TABLE org_units ADD COLUMN phone_index TEXT NOT NULL DEFAULT '';
CREATE INDEX org_units_phone_index ON org_units(phone_index) WHERE phone_index <> '';
