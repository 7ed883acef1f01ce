-- Core schema: API keys, the credits ledger, the durable task queue, clips and blobs.
-- Times are epoch milliseconds (created_at of clips: epoch microseconds, as the API reports them).

CREATE TABLE api_keys (
    id          TEXT PRIMARY KEY,           -- public key id, e.g. key_1a2b3c4d
    name        TEXT NOT NULL,
    key_hash    TEXT NOT NULL UNIQUE,       -- hex SHA-256 of the secret key; the key itself is never stored
    key_prefix  TEXT NOT NULL,              -- first characters of the key, to recognise it in listings
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);

-- Credits are a ledger of +/- rows; a key's balance is the sum of its rows.
CREATE TABLE credit_ledger (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    key_id      TEXT NOT NULL REFERENCES api_keys(id),
    delta       INTEGER NOT NULL,
    reason      TEXT NOT NULL,              -- grant | reserve | refund
    task_id     TEXT,
    created_at  INTEGER NOT NULL
);
CREATE INDEX credit_ledger_key ON credit_ledger(key_id);
CREATE UNIQUE INDEX credit_ledger_once ON credit_ledger(task_id, reason) WHERE task_id IS NOT NULL;

CREATE TABLE tasks (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT, -- queue order
    id           TEXT NOT NULL UNIQUE,
    key_id       TEXT NOT NULL REFERENCES api_keys(id),
    task_type    TEXT NOT NULL,
    status       TEXT NOT NULL,             -- PENDING | RUNNING | SUCCESS | FAILED
    request_json TEXT NOT NULL,
    cost         INTEGER NOT NULL,
    progress     INTEGER NOT NULL DEFAULT 0,
    attempts     INTEGER NOT NULL DEFAULT 0,
    lease_owner  TEXT,
    lease_until  INTEGER,
    result_json  TEXT,                      -- data[] of a SUCCESS poll
    error        TEXT,
    refunded     INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL,
    started_at   INTEGER,
    finished_at  INTEGER
);
CREATE INDEX tasks_claim ON tasks(status, seq);
CREATE INDEX tasks_key ON tasks(key_id);

CREATE TABLE blobs (
    id           TEXT PRIMARY KEY,          -- random-looking id; files live under blobs/<id[0:2]>/<id>
    key_id       TEXT NOT NULL,
    kind         TEXT NOT NULL,             -- mp3 | wav | png | stem_vocals | ... | score | midi
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);

CREATE TABLE clips (
    id              TEXT PRIMARY KEY,
    key_id          TEXT NOT NULL REFERENCES api_keys(id),
    task_id         TEXT NOT NULL,
    task_type       TEXT NOT NULL,
    source_clip_id  TEXT,
    origin          TEXT NOT NULL,          -- composed | analysed | edited
    title           TEXT,
    sound           TEXT,
    lyrics          TEXT,
    mv              TEXT NOT NULL,
    seed            TEXT NOT NULL,
    duration        REAL NOT NULL,
    created_at_us   INTEGER NOT NULL,
    mp3_blob        TEXT NOT NULL,
    wav_blob        TEXT NOT NULL,
    image_blob      TEXT,
    image_url       TEXT,                   -- the request's cover_url, reported as given
    vocals_blob     TEXT,
    drums_blob      TEXT,
    bass_blob       TEXT,
    other_blob      TEXT,
    score_blob      TEXT,
    midi_blob       TEXT,
    timeline_json   TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX clips_key ON clips(key_id);
CREATE UNIQUE INDEX clips_task ON clips(task_id);
