package models

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsroom/news/db"
)

// newTestDB returns a migrated database in a temporary folder.
func newTestDB(t testing.TB) *db.DB {
	t.Helper()
	d, err := db.Open(filepath.Join(t.TempDir(), "news.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return d
}
