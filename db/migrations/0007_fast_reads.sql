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
