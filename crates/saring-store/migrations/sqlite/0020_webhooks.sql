-- Webhooks: where each platform receives its enforcement actions, and the outbox of events
-- waiting for delivery (sqlite). Keep in step with the other backend's 0020_webhooks.sql.

CREATE TABLE webhook_endpoints (
    platform       TEXT    PRIMARY KEY,
    url            TEXT    NOT NULL,
    signing_secret TEXT    NOT NULL,             -- HMAC-SHA256 key, shared with the platform
    enabled        BIGINT  NOT NULL,             -- 1 delivers, 0 holds events (they stay pending)
    updated_at     BIGINT  NOT NULL
);

-- One row per event, written in the transaction that creates the action: an action never
-- exists without its event, and a restart loses none.
CREATE TABLE webhook_outbox (
    id              INTEGER PRIMARY KEY,
    event_id        TEXT    NOT NULL UNIQUE,     -- stable across retries: receivers dedupe on it
    platform        TEXT    NOT NULL,
    event_kind      TEXT    NOT NULL,            -- enforcement_action
    action_id       BIGINT  REFERENCES actions (id),
    payload_json    TEXT    NOT NULL,            -- the request body, sent as is
    status          TEXT    NOT NULL,            -- pending, delivered, dead
    attempts        BIGINT  NOT NULL,            -- failed attempts since created or retried
    next_attempt_at BIGINT  NOT NULL,            -- due time; a claim pushes it out (lease)
    last_error      TEXT,
    created_at      BIGINT  NOT NULL,
    delivered_at    BIGINT
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (status, next_attempt_at, id);
CREATE INDEX webhook_outbox_platform ON webhook_outbox (platform, status);
CREATE UNIQUE INDEX webhook_outbox_action ON webhook_outbox (action_id);
