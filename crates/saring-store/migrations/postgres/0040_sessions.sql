-- Review UI sessions. Only a SHA-256 hash of the session token is kept; the token lives in the
-- browser's cookie. The principal is copied from the API key at sign-in; a revoked key ends its
-- sessions because lookups join api_keys.
CREATE TABLE sessions (
    token_hash  TEXT   PRIMARY KEY,
    key_id      TEXT   NOT NULL REFERENCES api_keys (id),
    role        TEXT   NOT NULL,
    platforms   TEXT   NOT NULL,
    csrf_token  TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);
