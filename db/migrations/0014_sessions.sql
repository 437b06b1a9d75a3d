-- Newsroom sessions held by the server, so that they can be ended: the
-- cookie carries a random id, and only its SHA-256 hash is stored, so
-- reading the database (or a backup) gives no one a usable session.
-- expires_at is the absolute end, whatever the use; seen_at the last
-- request, for the idle limit. user_agent and addr_prefix let a person
-- recognise their sessions on their profile.
CREATE TABLE sessions (
    id_hash     TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    seen_at     INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    user_agent  TEXT NOT NULL DEFAULT '',
    addr_prefix TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE INDEX sessions_user ON sessions (user_id, seen_at DESC);
