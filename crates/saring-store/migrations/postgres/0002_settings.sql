-- Deployment settings the store keeps for itself, e.g. the generated seller-linking secret
-- (when no --secret-file or SARING_SECRET is given) and the check value of the secret in use.
CREATE TABLE settings (
    name       TEXT   PRIMARY KEY,
    value      TEXT   NOT NULL,
    updated_at BIGINT NOT NULL
);
