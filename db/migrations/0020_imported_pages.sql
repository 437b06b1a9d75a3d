-- WordPress pages are imported as site pages: the import map and the old
-- addresses name them.
CREATE TABLE import_map_new (
    source          TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('user', 'section', 'tag', 'article', 'comment', 'media', 'page')),
    source_id       INTEGER NOT NULL,
    local_id        INTEGER NOT NULL,
    source_modified INTEGER NOT NULL DEFAULT 0,
    local_version   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (source, kind, source_id)
) WITHOUT ROWID;
INSERT INTO import_map_new SELECT source, kind, source_id, local_id, source_modified, local_version FROM import_map;
DROP TABLE import_map;
ALTER TABLE import_map_new RENAME TO import_map;

CREATE TABLE old_addresses_new (
    path      TEXT PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('article', 'section', 'tag', 'author', 'media', 'path', 'page')),
    target_id INTEGER NOT NULL DEFAULT 0,
    suffix    TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
INSERT INTO old_addresses_new SELECT path, kind, target_id, suffix FROM old_addresses;
DROP TABLE old_addresses;
ALTER TABLE old_addresses_new RENAME TO old_addresses;
