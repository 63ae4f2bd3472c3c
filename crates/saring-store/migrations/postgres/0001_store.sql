-- saring store, PostgreSQL. Times are unix milliseconds UTC; JSON is stored as TEXT.
-- Keep in step with ../sqlite/0001_store.sql (same tables, same columns).

CREATE TABLE decisions (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform          TEXT    NOT NULL,
    listing_id        TEXT    NOT NULL,
    listing_version   TEXT    NOT NULL,          -- SHA-256 of the listing's canonical JSON
    seller_id         TEXT,
    verdict           TEXT    NOT NULL,
    priority          TEXT    NOT NULL,
    score             DOUBLE PRECISION    NOT NULL,
    model_version     TEXT    NOT NULL,
    decision_json     TEXT    NOT NULL,
    listing_json      TEXT    NOT NULL,          -- the listing without seller contact details
    image_hashes_json TEXT    NOT NULL,          -- PDQ hashes of its photos, hex
    normalised_text   TEXT    NOT NULL,
    decided_at        BIGINT  NOT NULL,
    UNIQUE (platform, listing_id, listing_version)
);

CREATE TABLE cases (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform         TEXT    NOT NULL,
    listing_id       TEXT    NOT NULL,
    seller_id        TEXT,
    state            TEXT    NOT NULL,
    verdict          TEXT    NOT NULL,
    priority         TEXT    NOT NULL,
    priority_rank    BIGINT  NOT NULL,           -- 0 wholesale, 1 retail, 2 none: queue order
    score            DOUBLE PRECISION    NOT NULL,
    decision_id      BIGINT  NOT NULL REFERENCES decisions (id),
    opened_at        BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL,
    claimed_by       TEXT,
    claim_expires_at BIGINT,
    confirmed_by     TEXT,
    closed_at        BIGINT
);
CREATE UNIQUE INDEX cases_one_pending_per_listing ON cases (platform, listing_id)
    WHERE state IN ('open', 'claimed');
CREATE INDEX cases_queue ON cases (state, priority_rank, opened_at);
CREATE INDEX cases_seller ON cases (platform, seller_id);

CREATE TABLE case_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     BIGINT  NOT NULL REFERENCES cases (id),
    event       TEXT    NOT NULL,
    from_state  TEXT,
    to_state    TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    decision_id BIGINT,
    at          BIGINT  NOT NULL
);
CREATE INDEX case_events_case ON case_events (case_id, id);

CREATE TABLE evidence (
    case_id      BIGINT PRIMARY KEY REFERENCES cases (id),
    content_json TEXT   NOT NULL,               -- canonical JSON, hashed as is
    sha256       TEXT   NOT NULL,
    frozen_at    BIGINT NOT NULL
);

CREATE TABLE relisting_refs (
    case_id           BIGINT PRIMARY KEY REFERENCES cases (id),
    platform          TEXT   NOT NULL,
    listing_id        TEXT   NOT NULL,
    seller_id         TEXT,
    normalised_text   TEXT   NOT NULL,
    image_hashes_json TEXT   NOT NULL,
    taken_down_at     BIGINT NOT NULL
);

CREATE TABLE strikes (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id        BIGINT  NOT NULL UNIQUE REFERENCES cases (id),
    platform       TEXT    NOT NULL,
    seller_id      TEXT    NOT NULL,
    priority       TEXT    NOT NULL,
    confirmed_at   BIGINT  NOT NULL,
    revoked_at     BIGINT,
    revoked_by     TEXT,
    revoked_reason TEXT
);
CREATE INDEX strikes_seller ON strikes (platform, seller_id, confirmed_at);

CREATE TABLE actions (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id            BIGINT  NOT NULL REFERENCES cases (id),
    platform           TEXT    NOT NULL,
    seller_id          TEXT,
    kind               TEXT    NOT NULL,
    offence            BIGINT  NOT NULL,
    detail             TEXT    NOT NULL,
    legal_basis_json   TEXT    NOT NULL,
    enforcement_version TEXT   NOT NULL,
    status             TEXT    NOT NULL,         -- pending until delivered (a later issue)
    created_at         BIGINT  NOT NULL
);
CREATE INDEX actions_status ON actions (status, id);
CREATE INDEX actions_seller ON actions (platform, seller_id, id);

CREATE TABLE appeals (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id    BIGINT  NOT NULL REFERENCES cases (id),
    filed_by   TEXT    NOT NULL,
    statement  TEXT    NOT NULL,
    filed_at   BIGINT  NOT NULL,
    state      TEXT    NOT NULL,                 -- pending, upheld, overturned
    decided_by TEXT,
    decided_at BIGINT,
    reason     TEXT
);
CREATE INDEX appeals_case ON appeals (case_id);

CREATE TABLE audit_log (
    seq          BIGINT PRIMARY KEY,
    at           BIGINT NOT NULL,
    kind         TEXT   NOT NULL,
    subject      TEXT   NOT NULL,
    payload_json TEXT   NOT NULL,
    prev_hash    TEXT   NOT NULL,
    hash         TEXT   NOT NULL
);
-- The last entry written: appends serialise on this row, and a truncated log shows.
CREATE TABLE audit_head (
    id   BIGINT PRIMARY KEY,
    seq  BIGINT NOT NULL,
    hash TEXT   NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE config_versions (
    kind        TEXT PRIMARY KEY,               -- lexicon, policy, enforcement, model
    version     TEXT   NOT NULL,
    sha256      TEXT   NOT NULL,
    recorded_at BIGINT NOT NULL
);

CREATE TABLE hash_banks (
    name       TEXT PRIMARY KEY,
    enabled    BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE bank_entries (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bank     TEXT    NOT NULL REFERENCES hash_banks (name),
    hash_hex TEXT    NOT NULL,
    quality  BIGINT,
    source   TEXT,
    case_id  TEXT,
    added_by TEXT,
    added_at TEXT
);
CREATE INDEX bank_entries_bank ON bank_entries (bank, id);

-- Seller records for linking and ban-evasion detection (logic: saring-sellers, later).
-- Raw identifiers (phone, e-mail, bank account, address, device) are never stored:
-- only keyed hashes of them.
CREATE TABLE sellers (
    platform   TEXT   NOT NULL,
    seller_id  TEXT   NOT NULL,
    status     TEXT   NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (platform, seller_id)
);
CREATE TABLE seller_identifiers (
    platform      TEXT   NOT NULL,
    seller_id     TEXT   NOT NULL,
    kind          TEXT   NOT NULL,
    keyed_hash    TEXT   NOT NULL,
    first_seen_at BIGINT NOT NULL,
    PRIMARY KEY (platform, seller_id, kind, keyed_hash)
);
CREATE INDEX seller_identifiers_hash ON seller_identifiers (keyed_hash);
CREATE TABLE seller_links (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform          TEXT   NOT NULL,
    seller_id         TEXT   NOT NULL,
    linked_platform   TEXT   NOT NULL,
    linked_seller_id  TEXT   NOT NULL,
    evidence_json     TEXT   NOT NULL,
    created_at        BIGINT NOT NULL
);
CREATE INDEX seller_links_seller ON seller_links (platform, seller_id);
CREATE INDEX seller_links_linked ON seller_links (linked_platform, linked_seller_id);
CREATE TABLE seller_fingerprints (
    platform         TEXT   NOT NULL,
    seller_id        TEXT   NOT NULL,
    fingerprint_json TEXT   NOT NULL,
    updated_at       BIGINT NOT NULL,
    PRIMARY KEY (platform, seller_id)
);
