-- swipefix schema 1: cases, the owner index, merchants, follow-ups, reply notes, keys, case numbers.
-- Records are sealed by the application (XChaCha20-Poly1305, a key per case or merchant); the database sees
-- ciphertext, versions, keyed hashes of owners, case ids and times. Plain SQL that PostgreSQL-compatible
-- databases accept too (see ARCHITECTURE.md for what differs there).

CREATE TABLE swipefix_meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One key per case or merchant, itself sealed with a key derived from the master key. Erasure deletes the row.
CREATE TABLE swipefix_keys (
    id     BYTEA PRIMARY KEY,
    sealed BYTEA NOT NULL
);

-- `person` is the keyed hash of the owner (never a Telegram id); `version` is what saves compare and swap.
CREATE TABLE swipefix_cases (
    id      TEXT PRIMARY KEY,
    person  BYTEA NOT NULL,
    version BIGINT NOT NULL,
    data    BYTEA NOT NULL
);
CREATE INDEX swipefix_cases_person ON swipefix_cases (person);

CREATE TABLE swipefix_merchants (
    code   TEXT PRIMARY KEY,
    person BYTEA NOT NULL,
    data   BYTEA NOT NULL
);
CREATE INDEX swipefix_merchants_person ON swipefix_merchants (person);

-- Follow-ups, in milliseconds since the epoch (what the queue compares); `claimed_until_ms` is the lease of
-- the process firing one, so that with several processes each fires once.
CREATE TABLE swipefix_reminders (
    at_ms            BIGINT NOT NULL,
    case_id          TEXT NOT NULL,
    claimed_until_ms BIGINT,
    PRIMARY KEY (at_ms, case_id)
);
CREATE INDEX swipefix_reminders_case ON swipefix_reminders (case_id);

-- The last update of a case whose reply went out (the de-duplication of redelivered updates reads it).
CREATE TABLE swipefix_replied (
    case_id   TEXT PRIMARY KEY,
    update_id BIGINT NOT NULL
);

CREATE SEQUENCE swipefix_case_numbers;
