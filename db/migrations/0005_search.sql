-- Full-text search over articles. One row per article that is published
-- (scheduled ones included: readers' queries still compare published_at
-- with the current time, so a future article is indexed but never shown
-- before its time). Drafts, articles in review and trashed ones are not in
-- the index at all. The rowid is the article's id.
--
-- body holds the article's plain text, made from the sanitized HTML by
-- news_plain_text, a function the Go program registers on every connection.
-- search_dates holds the publication time of every indexed article, so a
-- search filters and ranks its matches by date without reading each
-- article's row, which its long bodies make slow. Triggers keep the index in step whoever writes: an article saved, its
-- tags changed, a tag or an author renamed.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, summary, body, tags, author,
    tokenize = 'porter unicode61'
);

CREATE TABLE search_dates (
    id           INTEGER PRIMARY KEY,
    published_at INTEGER NOT NULL
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
WHEN NEW.status = 'published' BEGIN
    INSERT INTO search_dates (id, published_at) VALUES (NEW.id, COALESCE(NEW.published_at, 0));
    INSERT INTO articles_fts (rowid, title, summary, body, tags, author) VALUES (
        NEW.id, NEW.title, NEW.summary, news_plain_text(NEW.body_html),
        (SELECT COALESCE(group_concat(t.name, ', '), '') FROM article_tags at
            JOIN tags t ON t.id = at.tag_id WHERE at.article_id = NEW.id),
        (SELECT name FROM users WHERE id = NEW.author_id));
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, summary, body_html, status, published_at, author_id ON articles
BEGIN
    DELETE FROM articles_fts WHERE rowid = OLD.id;
    DELETE FROM search_dates WHERE id = OLD.id;
    INSERT INTO search_dates (id, published_at)
    SELECT NEW.id, COALESCE(NEW.published_at, 0) WHERE NEW.status = 'published';
    INSERT INTO articles_fts (rowid, title, summary, body, tags, author)
    SELECT NEW.id, NEW.title, NEW.summary, news_plain_text(NEW.body_html),
        (SELECT COALESCE(group_concat(t.name, ', '), '') FROM article_tags at
            JOIN tags t ON t.id = at.tag_id WHERE at.article_id = NEW.id),
        (SELECT name FROM users WHERE id = NEW.author_id)
    WHERE NEW.status = 'published';
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM articles_fts WHERE rowid = OLD.id;
    DELETE FROM search_dates WHERE id = OLD.id;
END;

CREATE TRIGGER article_tags_fts_insert AFTER INSERT ON article_tags BEGIN
    UPDATE articles_fts SET tags = (SELECT COALESCE(group_concat(t.name, ', '), '') FROM article_tags at
            JOIN tags t ON t.id = at.tag_id WHERE at.article_id = NEW.article_id)
    WHERE rowid = NEW.article_id;
END;

CREATE TRIGGER article_tags_fts_delete AFTER DELETE ON article_tags BEGIN
    UPDATE articles_fts SET tags = (SELECT COALESCE(group_concat(t.name, ', '), '') FROM article_tags at
            JOIN tags t ON t.id = at.tag_id WHERE at.article_id = OLD.article_id)
    WHERE rowid = OLD.article_id;
END;

CREATE TRIGGER tags_fts_rename AFTER UPDATE OF name ON tags BEGIN
    UPDATE articles_fts SET tags = (SELECT COALESCE(group_concat(t.name, ', '), '') FROM article_tags at
            JOIN tags t ON t.id = at.tag_id WHERE at.article_id = articles_fts.rowid)
    WHERE rowid IN (SELECT article_id FROM article_tags WHERE tag_id = NEW.id);
END;

CREATE TRIGGER users_fts_rename AFTER UPDATE OF name ON users BEGIN
    UPDATE articles_fts SET author = NEW.name
    WHERE rowid IN (SELECT id FROM articles WHERE author_id = NEW.id AND status = 'published');
END;

-- Index what an existing site already holds.
INSERT INTO search_dates (id, published_at)
SELECT id, COALESCE(published_at, 0) FROM articles WHERE status = 'published';
INSERT INTO articles_fts (rowid, title, summary, body, tags, author)
SELECT a.id, a.title, a.summary, news_plain_text(a.body_html),
    (SELECT COALESCE(group_concat(t.name, ', '), '') FROM article_tags at
        JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id),
    u.name
FROM articles a JOIN users u ON u.id = a.author_id
WHERE a.status = 'published';

-- Sitemaps list every live article's address and last change; this index
-- covers those queries, so they never read the article rows and their long
-- bodies.
CREATE INDEX articles_sitemap ON articles (status, id, published_at, updated_at, category_id, slug);
