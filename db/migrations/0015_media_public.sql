-- A picture is served to anyone only once it is public: when something
-- published first uses it, or an editor marks it public. public_at is set
-- then and never cleared, since its address may be cached for a year.
ALTER TABLE media ADD COLUMN public_at INTEGER;
