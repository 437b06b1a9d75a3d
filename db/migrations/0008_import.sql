-- Importing another site (a WordPress export): what was brought in from
-- where, and the old site's addresses that now redirect.

-- One row per imported item, keyed by the old site's address
-- (wp:base_site_url) and the item's id there, so importing the same export
-- again changes nothing and a later export updates what changed.
-- source_modified is the item's last change on the old site; local_version
-- is the article's version as the import left it: a higher version means
-- it was edited in the newsroom since, and the import keeps that edit.
CREATE TABLE import_map (
    source          TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('user', 'section', 'tag', 'article', 'comment', 'media')),
    source_id       INTEGER NOT NULL,
    local_id        INTEGER NOT NULL,
    source_modified INTEGER NOT NULL DEFAULT 0,
    local_version   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (source, kind, source_id)
) WITHOUT ROWID;

-- An old address (its path, percent-decoded, without a trailing slash, or
-- "/?p=123" for a query form) and what it now leads to: an article,
-- section, tag, author or picture by id, resolved when asked so that a
-- later change of slug is followed; suffix is added to that address
-- ("/feed" for a section's feed; for a picture, the width asked for).
-- kind 'path' leads to suffix itself.
CREATE TABLE old_addresses (
    path      TEXT PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('article', 'section', 'tag', 'author', 'media', 'path')),
    target_id INTEGER NOT NULL DEFAULT 0,
    suffix    TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- Pictures are stored once: an import finds a file it already holds by
-- its content hash.
CREATE INDEX media_sha256 ON media (sha256);
