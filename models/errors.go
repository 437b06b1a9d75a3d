// Package models holds the site's domain types and the queries that load and
// save them. It knows nothing of HTTP or templates.
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
