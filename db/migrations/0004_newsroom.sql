-- The newsroom: revisions of articles, old addresses that redirect,
-- corrections, and when an article went to the trash.

-- One row per save: a snapshot of the article as it was after the save,
-- who saved it and what they did (note).
CREATE TABLE revisions (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    version       INTEGER NOT NULL,
    user_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    note          TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL,
    slug          TEXT NOT NULL,
    summary       TEXT NOT NULL,
    body_md       TEXT NOT NULL,
    source        TEXT NOT NULL,
    status        TEXT NOT NULL,
    category_id   INTEGER NOT NULL,
    author_id     INTEGER NOT NULL,
    featured      INTEGER NOT NULL,
    comments_open INTEGER NOT NULL,
    published_at  INTEGER,
    tags          TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL
);

CREATE INDEX revisions_article ON revisions (article_id, id DESC);

-- Slugs a live article used to have: /section/old-slug answers 301.
CREATE TABLE article_redirects (
    old_slug   TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX article_redirects_article ON article_redirects (article_id);

-- Slugs a section used to have: /category/old-slug answers 301.
CREATE TABLE category_redirects (
    old_slug    TEXT PRIMARY KEY,
    category_id INTEGER NOT NULL REFERENCES categories (id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE INDEX category_redirects_category ON category_redirects (category_id);

-- A dated note an editor adds to a published article.
CREATE TABLE corrections (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    note       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE INDEX corrections_article ON corrections (article_id, created_at);
CREATE INDEX corrections_created ON corrections (created_at DESC);

-- When an article was moved to the trash (status 'trash'); NULL otherwise.
ALTER TABLE articles ADD COLUMN trashed_at INTEGER;

-- The newsroom lists articles by last change, all or of one status.
CREATE INDEX articles_updated ON articles (updated_at DESC, id DESC);
CREATE INDEX articles_status_updated ON articles (status, updated_at DESC, id DESC);
