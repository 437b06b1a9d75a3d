-- Co-authors, pages (About, Contact ...) and richer author profiles.

-- The bylines of an article, in the order they are shown. Position 0 is
-- always articles.author_id (the lead author), kept so by the triggers
-- below whoever writes the article; the newsroom adds co-authors at 1, 2 ...
-- published_at mirrors the article's publish time while it is published
-- (NULL otherwise), so an author's page lists every article they wrote or
-- co-wrote straight off one index, as tag pages do (migration 0007).
CREATE TABLE article_authors (
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    position     INTEGER NOT NULL,
    published_at INTEGER,
    PRIMARY KEY (article_id, user_id)
) WITHOUT ROWID;

CREATE INDEX article_authors_listing ON article_authors (user_id, published_at DESC, article_id DESC);

INSERT INTO article_authors (article_id, user_id, position, published_at)
SELECT id, author_id, 0, CASE WHEN status = 'published' THEN published_at END FROM articles;

CREATE TRIGGER article_authors_insert AFTER INSERT ON articles
BEGIN
    INSERT OR REPLACE INTO article_authors (article_id, user_id, position, published_at)
    VALUES (NEW.id, NEW.author_id, 0, CASE WHEN NEW.status = 'published' THEN NEW.published_at END);
END;

CREATE TRIGGER article_authors_lead AFTER UPDATE OF author_id ON articles
WHEN OLD.author_id != NEW.author_id
BEGIN
    DELETE FROM article_authors WHERE article_id = NEW.id AND (position = 0 OR user_id = NEW.author_id);
    INSERT INTO article_authors (article_id, user_id, position, published_at)
    VALUES (NEW.id, NEW.author_id, 0, CASE WHEN NEW.status = 'published' THEN NEW.published_at END);
END;

CREATE TRIGGER article_authors_published AFTER UPDATE OF status, published_at ON articles
BEGIN
    UPDATE article_authors SET published_at = CASE WHEN NEW.status = 'published' THEN NEW.published_at END
        WHERE article_id = NEW.id;
END;

-- A revision names every byline, in order, as the article's authors were
-- after that save.
ALTER TABLE revisions ADD COLUMN authors TEXT NOT NULL DEFAULT '';

-- A profile beside the byline: what the person does and their picture
-- from the media library.
ALTER TABLE users ADD COLUMN job_title TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN photo_media_id INTEGER REFERENCES media (id) ON DELETE SET NULL;

-- Pages that are not news: About, Contact, Privacy, Staff ... published at
-- /<slug>. position is their order in the footer (smallest first).
CREATE TABLE pages (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    body_md      TEXT NOT NULL DEFAULT '',
    body_html    TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    position     INTEGER NOT NULL DEFAULT 0,
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   INTEGER NOT NULL,
    created_at   INTEGER NOT NULL
);

CREATE INDEX pages_footer ON pages (status, position, id);

-- One row per save of a page, as it stood after the save.
CREATE TABLE page_revisions (
    id         INTEGER PRIMARY KEY,
    page_id    INTEGER NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    note       TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL,
    slug       TEXT NOT NULL,
    body_md    TEXT NOT NULL,
    status     TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE INDEX page_revisions_page ON page_revisions (page_id, version DESC);
