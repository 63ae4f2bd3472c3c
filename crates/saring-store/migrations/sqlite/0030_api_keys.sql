-- API keys. Only a SHA-256 hash of each key is kept; the key itself is shown once when made.
-- `platforms` is a comma-separated list (platform and reviewer keys), empty otherwise.
CREATE TABLE api_keys (
    id          TEXT   PRIMARY KEY,
    secret_hash TEXT   NOT NULL,
    role        TEXT   NOT NULL,
    platforms   TEXT   NOT NULL,
    label       TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    revoked_at  BIGINT
);
