// Package models holds the site's domain types and the queries that load and
// save them, reading through db's prepared statements. It knows nothing of
// HTTP or templates.
//
// Files are grouped by the type they serve: article_*.go, category_*.go,
// comment_*.go, media_*.go, tag_*.go, user_*.go; beside them the stores
// that stand alone (audit, settings, import_map, old_address), the shared
// pieces (errors, sanitize, slug, page) and stores.go, where Open builds
// every store and, on a new site, fills the small demo site (demo_seed*.go).
// Image decoding and resizing are in models/imaging, the large generated
// corpus of `news demo` in models/demo, the WordPress import in
// models/wordpress.
package models

import (
	"errors"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

var (
	// ErrNotFound means the thing asked for does not exist or is not visible.
	ErrNotFound = errors.New("models: not found")
	// ErrDuplicate means a unique value (a slug, an email) is already taken.
	ErrDuplicate = errors.New("models: duplicate")
)

// isUnique reports whether err is SQLite's unique or primary key violation.
func isUnique(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		code := se.Code()
		return code == sqlite3.SQLITE_CONSTRAINT_UNIQUE || code == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}

// isForeignKey reports whether err is SQLite's foreign key violation: a
// row naming something that does not exist.
func isForeignKey(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
}
