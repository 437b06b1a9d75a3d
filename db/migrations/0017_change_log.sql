-- What each committed write changed, as the cache tags it names (see
-- models/tags.go), so that a server can drop the pages another process's
-- writes changed (`news user add`, an import). Each process marks its own
-- rows with origin and skips them: it has dropped those pages already.
-- Rows older than a day are pruned; a reader that finds the rows after its
-- last one gone drops everything.
CREATE TABLE change_log (
    id     INTEGER PRIMARY KEY,
    at     INTEGER NOT NULL,
    origin TEXT NOT NULL,
    tags   TEXT NOT NULL
);
