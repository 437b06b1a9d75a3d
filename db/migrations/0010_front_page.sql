-- The curated front page, sections kept out of the navigation, and the
-- read counts behind "Most read".

-- Editors choose whether a section is in the site's navigation (and so
-- has a block on the front page); every section is, until they say not.
ALTER TABLE categories ADD COLUMN in_nav INTEGER NOT NULL DEFAULT 1;

-- The stories editors put on the front page, in their order: position 0
-- is the lead, the rest are the top stories. An article leaving the site
-- leaves the front page with it.
CREATE TABLE front_page (
    position   INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Reads of each article per hour (Unix seconds / 3600). No address, no
-- cookie, nothing about the reader: only how many.
CREATE TABLE article_reads (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    hour       INTEGER NOT NULL,
    reads      INTEGER NOT NULL,
    PRIMARY KEY (article_id, hour)
) WITHOUT ROWID;

CREATE INDEX article_reads_hour ON article_reads (hour);
