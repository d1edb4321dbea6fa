-- A user's mobile number (手机号), a protected personal-information column like a unit's contact
-- phone (docs/security.md, GM profile): sealed with SM4 when the profile is on, with a blind index
-- beside it for an exact lookup. '' when the account has none.
ALTER TABLE users ADD COLUMN mobile TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN mobile_index TEXT NOT NULL DEFAULT '';
CREATE INDEX users_mobile_index ON users(mobile_index) WHERE mobile_index <> '';
