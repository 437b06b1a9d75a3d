-- Originals are stored without what the camera wrote about them (EXIF with
-- any GPS position, XMP, IPTC); metadata_removed says what was taken out,
-- for the editor. Originals stored before this migration are cleaned at the
-- next start (metadata_checked = 0 until then): reading JPEG segments and
-- PNG chunks is not something SQL can do.
ALTER TABLE media ADD COLUMN metadata_removed TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN metadata_checked INTEGER NOT NULL DEFAULT 0;
