-- Versions of the lexicon (config/lexicon.toml format): proposed by reviewers or admins,
-- activated by an admin; at most one is active. The bundled lexicon applies while none is.
CREATE TABLE lexicon_versions (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version      TEXT   NOT NULL UNIQUE,
    toml         TEXT   NOT NULL,
    sha256       TEXT   NOT NULL,
    status       TEXT   NOT NULL,
    note         TEXT   NOT NULL,
    proposed_by  TEXT   NOT NULL,
    proposed_at  BIGINT NOT NULL,
    activated_by TEXT,
    activated_at BIGINT
);
CREATE UNIQUE INDEX lexicon_versions_one_active ON lexicon_versions (status) WHERE status = 'active';
