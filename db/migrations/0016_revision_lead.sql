-- A revision keeps the article's lead picture too, so that changing it is a
-- revision like any other edit: it can be seen in the history and undone.
ALTER TABLE revisions ADD COLUMN lead_media_id INTEGER REFERENCES media (id) ON DELETE SET NULL;
