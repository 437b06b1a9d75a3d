-- Commenting: what posting and the reader's side of comments query.

-- The duplicate check looks for the same text under one article in the last
-- minutes, whatever its status: by a hash of the stored body, so that a busy
-- article's recent comments are not read one by one.
ALTER TABLE comments ADD COLUMN body_hash TEXT NOT NULL DEFAULT '';
CREATE INDEX comments_duplicate ON comments (article_id, body_hash, created_at);

-- Moderation mode "unknown" asks whether a name and email already have an
-- approved comment.
CREATE INDEX comments_known_author ON comments (email, name) WHERE status = 'approved';

-- The salt that client addresses are hashed with before they are stored,
-- made once per site so hashes cannot be matched across sites.
INSERT INTO settings (key, value) VALUES ('comment_ip_salt', lower(hex(randomblob(32))))
    ON CONFLICT (key) DO NOTHING;
