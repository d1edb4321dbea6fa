-- Second factor (TOTP, RFC 6238), API tokens for integrations, and signatures (签字压责).
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enabled INTEGER NOT NULL DEFAULT 0;
-- The last accepted time step: a code is never accepted twice.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;

CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,
  permissions  TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  revoked_at   TEXT,
  last_used_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE signatures (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  username     TEXT NOT NULL,
  unit_id      INTEGER NOT NULL,
  object_type  TEXT NOT NULL,
  object_id    TEXT NOT NULL,
  step         TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  method       TEXT NOT NULL,
  signed_at    TEXT NOT NULL,
  audit_id     INTEGER NOT NULL
);
CREATE INDEX signatures_object ON signatures(object_type, object_id);
