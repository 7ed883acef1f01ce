-- Webhook outbox: one row per event to deliver, written in the same transaction that finishes the task,
-- so a task can't finish without its webhook being recorded, nor the webhook be sent for a task that rolled back.
-- Times are epoch milliseconds (UTC).
CREATE TABLE webhook_outbox (
    id              TEXT PRIMARY KEY,            -- X-Webhook-Id and Idempotency-Key; stable across retries
    task_id         TEXT    NOT NULL,
    url             TEXT    NOT NULL,
    secret          TEXT,                        -- the task's webhook_secret; NULL = the server's default secret
    event           TEXT    NOT NULL CHECK (event IN ('song.completed', 'song.failed')),
    payload         TEXT    NOT NULL,            -- the exact JSON body that is signed and sent
    state           TEXT    NOT NULL DEFAULT 'pending'
                            CHECK (state IN ('pending', 'delivering', 'delivered', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,  -- attempts started so far
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER,                     -- while delivering: past this, the deliverer is presumed dead
    created_at      INTEGER NOT NULL,
    delivered_at    INTEGER,
    last_error      TEXT
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (state, next_attempt_at);
CREATE INDEX webhook_outbox_task ON webhook_outbox (task_id);

-- The delivery log: one row per attempt, successful or not.
CREATE TABLE webhook_attempts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id  TEXT    NOT NULL REFERENCES webhook_outbox (id),
    task_id     TEXT    NOT NULL,
    attempt     INTEGER NOT NULL,
    started_at  INTEGER NOT NULL,
    status_code INTEGER,                         -- HTTP status, NULL when no response was received
    error       TEXT,                            -- why the attempt failed, NULL on success
    duration_ms INTEGER NOT NULL
);
CREATE INDEX webhook_attempts_task ON webhook_attempts (task_id, id);

-- The server-managed signing secret used when a task gave no webhook_secret (created on first use).
CREATE TABLE webhook_default_secret (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    secret     TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
