-- The media library: uploaded images live in the database, so one file is
-- the whole site. AUTOINCREMENT keeps an id from ever being reused: image
-- URLs carry the id and are cached as immutable by browsers and CDNs.
-- width and height are as displayed (after the EXIF orientation is applied);
-- orientation is the EXIF value (1-8) the resizer applies. format is what
-- the resized copies are encoded as: jpeg for opaque images, png when the
-- image has transparency. sha256 is the hex digest of data, used for ETags.
CREATE TABLE media (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    data        BLOB NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('image/jpeg', 'image/png', 'image/gif', 'image/webp')),
    format      TEXT NOT NULL CHECK (format IN ('jpeg', 'png')),
    width       INTEGER NOT NULL,
    height      INTEGER NOT NULL,
    orientation INTEGER NOT NULL DEFAULT 1,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    filename    TEXT NOT NULL DEFAULT '',
    alt         TEXT NOT NULL DEFAULT '',
    caption     TEXT NOT NULL DEFAULT '',
    credit      TEXT NOT NULL DEFAULT '',
    uploader_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL
);

CREATE INDEX media_created ON media (created_at DESC, id DESC);

-- An article's lead image. Deleting the image (after the editor confirmed)
-- leaves the article without one.
ALTER TABLE articles ADD COLUMN lead_media_id INTEGER REFERENCES media (id) ON DELETE SET NULL;

CREATE INDEX articles_lead_media ON articles (lead_media_id) WHERE lead_media_id IS NOT NULL;
