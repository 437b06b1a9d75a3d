-- Live coverage: an article switched to live carries short, timed entries,
-- newest first; one breaking-news banner sits on every reader page.

-- An article is live from live_start until live_end (NULL while it runs);
-- both NULL for an article never covered live. follows_id is the article
-- the coverage continues, whose page links to it.
ALTER TABLE articles ADD COLUMN live_start INTEGER;
ALTER TABLE articles ADD COLUMN live_end INTEGER;
ALTER TABLE articles ADD COLUMN follows_id INTEGER REFERENCES articles (id) ON DELETE SET NULL;

CREATE INDEX articles_follows ON articles (follows_id) WHERE follows_id IS NOT NULL;

-- One entry of a live article: Markdown and its sanitized HTML, an optional
-- picture with a caption, pinned among the key events. An edit bumps
-- version; removed_at hides it and keeps the row.
CREATE TABLE live_entries (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    author_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    body_md    TEXT NOT NULL,
    body_html  TEXT NOT NULL,
    media_id   INTEGER REFERENCES media (id) ON DELETE SET NULL,
    caption    TEXT NOT NULL DEFAULT '',
    pinned     INTEGER NOT NULL DEFAULT 0,
    version    INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    removed_at INTEGER
);

CREATE INDEX live_entries_article ON live_entries (article_id, id DESC);

-- An entry as it was before each edit or removal.
CREATE TABLE live_entry_revisions (
    id         INTEGER PRIMARY KEY,
    entry_id   INTEGER NOT NULL REFERENCES live_entries (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    note       TEXT NOT NULL,
    body_md    TEXT NOT NULL,
    media_id   INTEGER,
    caption    TEXT NOT NULL,
    pinned     INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE INDEX live_entry_revisions_entry ON live_entry_revisions (entry_id, version);

-- The breaking-news banner: at most one row. It shows until ends_at.
CREATE TABLE banner (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    text      TEXT NOT NULL,
    link      TEXT NOT NULL DEFAULT '',
    ends_at   INTEGER NOT NULL,
    raised_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    raised_at INTEGER NOT NULL
);
