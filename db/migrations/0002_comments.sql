-- Commenting: what posting and the reader's side of comments query.

-- The duplicate check looks at one article's comments of the last minutes,
-- whatever their status.
CREATE INDEX comments_article_created ON comments (article_id, created_at);

-- Moderation mode "unknown" asks whether a name and email already have an
-- approved comment.
CREATE INDEX comments_known_author ON comments (email, name) WHERE status = 'approved';

-- The salt that client addresses are hashed with before they are stored,
-- made once per site so hashes cannot be matched across sites.
INSERT INTO settings (key, value) VALUES ('comment_ip_salt', lower(hex(randomblob(32))))
    ON CONFLICT (key) DO NOTHING;
