-- Regulators' takedown requests, their links and what became of each (postgres).
-- Keep in step with the other backend's 0010_takedowns.sql.

CREATE TABLE takedown_requests (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id  TEXT    NOT NULL UNIQUE,
    agency      TEXT    NOT NULL,
    issued_at   BIGINT  NOT NULL,
    legal_basis TEXT    NOT NULL,
    urgency     TEXT    NOT NULL,                -- normal or urgent
    imported_at BIGINT  NOT NULL
);

CREATE TABLE takedown_links (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id    TEXT    NOT NULL REFERENCES takedown_requests (request_id),
    line          BIGINT  NOT NULL,              -- line of the request file
    url           TEXT    NOT NULL,              -- as the regulator wrote it
    platform      TEXT    NOT NULL,
    canonical_key TEXT,                          -- NULL when the URL names no listing
    url_problem   TEXT,                          -- why not (short link, not a listing page)
    duplicate_of  BIGINT,                        -- an earlier request's link to the same listing
    listing_id    TEXT,                          -- the matched listing, once screened
    deadline      BIGINT  NOT NULL,
    status        TEXT    NOT NULL,              -- pending, taken_down, not_found, disputed
    status_at     BIGINT,
    status_reason TEXT
);
CREATE INDEX takedown_links_key ON takedown_links (canonical_key);
CREATE INDEX takedown_links_request ON takedown_links (request_id);

-- Canonical URL keys of screened listings, so that requests match listings in either order.
CREATE TABLE listing_keys (
    canonical_key TEXT    PRIMARY KEY,
    platform      TEXT    NOT NULL,
    listing_id    TEXT    NOT NULL,
    first_seen    BIGINT  NOT NULL
);
