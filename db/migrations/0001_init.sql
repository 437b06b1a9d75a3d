-- Core tables of the news site. Times are Unix seconds (UTC).

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL COLLATE NOCASE UNIQUE,
    name          TEXT NOT NULL,
    slug          TEXT NOT NULL UNIQUE,
    bio           TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'author')),
    password_hash TEXT NOT NULL DEFAULT '',
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
);

CREATE TABLE categories (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0
);

-- status: draft, review (submitted by an author), published, trash.
-- A published article whose published_at lies in the future is scheduled:
-- readers' queries compare published_at with the current time, so it goes
-- live at that moment with no job needed.
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    category_id   INTEGER NOT NULL REFERENCES categories (id),
    author_id     INTEGER NOT NULL REFERENCES users (id),
    slug          TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    summary       TEXT NOT NULL DEFAULT '',
    body_md       TEXT NOT NULL DEFAULT '',
    body_html     TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'review', 'published', 'trash')),
    featured      INTEGER NOT NULL DEFAULT 0,
    comments_open INTEGER NOT NULL DEFAULT 1,
    published_at  INTEGER,
    updated_at    INTEGER NOT NULL,
    created_at    INTEGER NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX articles_published ON articles (status, published_at DESC);
CREATE INDEX articles_category ON articles (category_id, status, published_at DESC);
CREATE INDEX articles_author ON articles (author_id, status, published_at DESC);
CREATE INDEX articles_featured ON articles (featured, status, published_at DESC);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;

CREATE INDEX article_tags_tag ON article_tags (tag_id, article_id);

-- status: pending, approved, spam, trash. ip_hash is a salted hash of the
-- client address, never the address itself.
CREATE TABLE comments (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    parent_id  INTEGER REFERENCES comments (id) ON DELETE SET NULL,
    name       TEXT NOT NULL,
    email      TEXT NOT NULL DEFAULT '',
    body_html  TEXT NOT NULL,
    status     TEXT NOT NULL DEFAULT 'pending'
               CHECK (status IN ('pending', 'approved', 'spam', 'trash')),
    ip_hash    TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);

CREATE INDEX comments_article ON comments (article_id, status, created_at);
CREATE INDEX comments_status ON comments (status, created_at DESC);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
