-- Signing in to the newsroom: one-time setup links, the keys that sign
-- session cookies, and the audit log. Times are Unix seconds (UTC).

-- A setup link lets the first admin create their account in the browser.
-- Only a SHA-256 hash of the token is kept, so reading the database does not
-- give anyone the link.
CREATE TABLE setup_tokens (
    token_hash TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
) WITHOUT ROWID;

-- Secrets the server makes for itself when none are configured, such as the
-- session cookie keys, so that a restart keeps people signed in.
CREATE TABLE secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
) WITHOUT ROWID;

-- Who did what in the newsroom. user_name is copied so the log still reads
-- well after a user is renamed; user_id is NULL for a failed sign-in.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    user_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    user_name TEXT NOT NULL DEFAULT '',
    action    TEXT NOT NULL,
    detail    TEXT NOT NULL DEFAULT '',
    ip        TEXT NOT NULL DEFAULT ''
);

CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_action ON audit_log (action, at DESC);
