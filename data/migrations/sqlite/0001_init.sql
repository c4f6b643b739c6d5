-- Reports, notes and the commit-ordered event log.
CREATE TABLE reports (
    id                 TEXT PRIMARY KEY,
    kind               TEXT NOT NULL,
    full_name          TEXT NOT NULL DEFAULT '',
    given_name         TEXT NOT NULL DEFAULT '',
    family_name        TEXT NOT NULL DEFAULT '',
    patronymic         TEXT NOT NULL DEFAULT '',
    alt_names          TEXT NOT NULL DEFAULT '[]',
    sex                TEXT NOT NULL DEFAULT '',
    birth_year         INTEGER NOT NULL DEFAULT 0,
    year_approx        BOOLEAN NOT NULL DEFAULT FALSE,
    city               TEXT NOT NULL DEFAULT '',
    region             TEXT NOT NULL DEFAULT '',
    country            TEXT NOT NULL DEFAULT '',
    last_location_enc  TEXT NOT NULL DEFAULT '',
    description        TEXT NOT NULL DEFAULT '',
    contact_name_enc   TEXT NOT NULL DEFAULT '',
    contact_phone_enc  TEXT NOT NULL DEFAULT '',
    contact_phone_hash TEXT NOT NULL DEFAULT '',
    relation           TEXT NOT NULL DEFAULT '',
    language           TEXT NOT NULL DEFAULT '',
    share_contact      BOOLEAN NOT NULL DEFAULT FALSE,
    channel            TEXT NOT NULL DEFAULT '',
    source_name        TEXT NOT NULL DEFAULT '',
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    expires_at         INTEGER NOT NULL DEFAULT 0,
    status             TEXT NOT NULL,
    deletion_hash      TEXT NOT NULL DEFAULT '',
    linked_id          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reports_phone ON reports (contact_phone_hash);
CREATE INDEX reports_expiry ON reports (status, expires_at);

CREATE TABLE notes (
    id         TEXT PRIMARY KEY,
    report_id  TEXT NOT NULL REFERENCES reports (id),
    status     TEXT NOT NULL DEFAULT '',
    text       TEXT NOT NULL DEFAULT '',
    author     TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
CREATE INDEX notes_report ON notes (report_id, created_at);

CREATE TABLE events (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    type      TEXT NOT NULL,
    report_id TEXT NOT NULL DEFAULT '',
    at        INTEGER NOT NULL
);

-- Matches, consents and the SMS outbox.
CREATE TABLE matches (
    id          TEXT PRIMARY KEY,
    seek_id     TEXT NOT NULL,
    safe_id     TEXT NOT NULL,
    score       REAL NOT NULL,
    explanation TEXT NOT NULL DEFAULT '',
    state       TEXT NOT NULL,
    decided_by  TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    UNIQUE (seek_id, safe_id)
);
CREATE INDEX matches_safe ON matches (safe_id);
CREATE INDEX matches_state ON matches (state, created_at);

CREATE TABLE consents (
    match_id    TEXT NOT NULL,
    phone_hash  TEXT NOT NULL,
    phone_enc   TEXT NOT NULL,
    asked_at    INTEGER NOT NULL,
    answer      TEXT NOT NULL DEFAULT '',
    answered_at INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (match_id, phone_hash)
);
CREATE INDEX consents_phone ON consents (phone_hash, answer);

CREATE TABLE messages (
    id              TEXT PRIMARY KEY,
    key             TEXT NOT NULL UNIQUE,
    match_id        TEXT NOT NULL DEFAULT '',
    report_id       TEXT NOT NULL DEFAULT '',
    to_enc          TEXT NOT NULL,
    to_hash         TEXT NOT NULL,
    body_enc        TEXT NOT NULL,
    language        TEXT NOT NULL DEFAULT '',
    segments        INTEGER NOT NULL DEFAULT 0,
    state           TEXT NOT NULL,
    provider_sid    TEXT NOT NULL DEFAULT '',
    error_code      INTEGER NOT NULL DEFAULT 0,
    error_text      TEXT NOT NULL DEFAULT '',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    attempted_at    INTEGER NOT NULL DEFAULT 0,
    claimed_by      TEXT NOT NULL DEFAULT '',
    lease_until     INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX messages_due ON messages (state, next_attempt_at);
CREATE INDEX messages_sid ON messages (provider_sid);
CREATE INDEX messages_to ON messages (to_hash, created_at);
CREATE INDEX messages_match ON messages (match_id);

CREATE TABLE optouts (
    phone_hash TEXT PRIMARY KEY,
    at         INTEGER NOT NULL
);

CREATE TABLE subscriptions (
    report_id  TEXT NOT NULL,
    phone_hash TEXT NOT NULL,
    phone_enc  TEXT NOT NULL,
    language   TEXT NOT NULL DEFAULT '',
    confirmed  BOOLEAN NOT NULL DEFAULT FALSE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (report_id, phone_hash)
);

-- Volunteers, sessions, API tokens and the audit log.
CREATE TABLE volunteers (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    login         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL,
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers (id),
    expires_at   INTEGER NOT NULL
);

CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    scopes     TEXT NOT NULL,
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    created_at INTEGER NOT NULL
);

CREATE TABLE audit (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    at     INTEGER NOT NULL
);
CREATE INDEX audit_at ON audit (at);
