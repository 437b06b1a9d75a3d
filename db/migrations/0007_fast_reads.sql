-- Reader queries that stay fast at 100 000 articles and 1 000 000 comments.

-- The number of approved comments of each article, kept beside the article
-- so that lists need no count per row. It lives in its own small table
-- because updating a column of articles would rewrite the whole row, body
-- included. The triggers keep it right in the same transaction as whatever
-- inserts, moderates, moves or deletes a comment.
CREATE TABLE article_stats (
    article_id    INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    comment_count INTEGER NOT NULL DEFAULT 0
);

INSERT INTO article_stats (article_id, comment_count)
    SELECT article_id, COUNT(*) FROM comments WHERE status = 'approved' GROUP BY article_id;

CREATE TRIGGER comments_count_insert AFTER INSERT ON comments
WHEN NEW.status = 'approved'
BEGIN
    INSERT INTO article_stats (article_id, comment_count) VALUES (NEW.article_id, 1)
        ON CONFLICT (article_id) DO UPDATE SET comment_count = comment_count + 1;
END;

CREATE TRIGGER comments_count_delete AFTER DELETE ON comments
WHEN OLD.status = 'approved'
BEGIN
    UPDATE article_stats SET comment_count = comment_count - 1 WHERE article_id = OLD.article_id;
END;

CREATE TRIGGER comments_count_update AFTER UPDATE OF status, article_id ON comments
WHEN (OLD.status = 'approved') != (NEW.status = 'approved') OR OLD.article_id != NEW.article_id
BEGIN
    UPDATE article_stats SET comment_count = comment_count - 1
        WHERE article_id = OLD.article_id AND OLD.status = 'approved';
    INSERT INTO article_stats (article_id, comment_count)
        SELECT NEW.article_id, 1 WHERE NEW.status = 'approved'
        ON CONFLICT (article_id) DO UPDATE SET comment_count = comment_count + 1;
END;

-- Lists order by (published_at DESC, id DESC); with id in the index the
-- newest rows come straight off it, with no sort.
DROP INDEX articles_published;
DROP INDEX articles_category;
DROP INDEX articles_author;
DROP INDEX articles_featured;
CREATE INDEX articles_published ON articles (status, published_at DESC, id DESC);
CREATE INDEX articles_category ON articles (category_id, status, published_at DESC, id DESC);
CREATE INDEX articles_author ON articles (author_id, status, published_at DESC, id DESC);
CREATE INDEX articles_featured ON articles (featured, status, published_at DESC, id DESC);

-- Tag pages list a tag's articles newest first. Keeping each article's
-- publish time (NULL unless published) on its tag rows lets the listing
-- come straight off one index, however many articles the tag has.
ALTER TABLE article_tags ADD COLUMN published_at INTEGER;

UPDATE article_tags SET published_at = (SELECT CASE WHEN a.status = 'published' THEN a.published_at END
    FROM articles a WHERE a.id = article_tags.article_id);

CREATE INDEX article_tags_listing ON article_tags (tag_id, published_at DESC, article_id DESC);

CREATE TRIGGER article_tags_published_insert AFTER INSERT ON article_tags
BEGIN
    UPDATE article_tags SET published_at =
        (SELECT CASE WHEN status = 'published' THEN published_at END FROM articles WHERE id = NEW.article_id)
        WHERE article_id = NEW.article_id AND tag_id = NEW.tag_id;
END;

CREATE TRIGGER articles_published_tags AFTER UPDATE OF status, published_at ON articles
BEGIN
    UPDATE article_tags SET published_at = CASE WHEN NEW.status = 'published' THEN NEW.published_at END
        WHERE article_id = NEW.id;
END;
