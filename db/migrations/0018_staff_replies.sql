-- A moderator's reply from the comment queue is the newsroom's: it names
-- the staff member who wrote it and readers see it with a staff badge.
ALTER TABLE comments ADD COLUMN staff_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL;
