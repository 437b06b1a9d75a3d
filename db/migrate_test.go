package db

import (
	"context"
	"path/filepath"
	"testing"
)

func TestMigrateFromEmptyAndAgain(t *testing.T) {
	ctx := context.Background()
	d, err := Open(filepath.Join(t.TempDir(), "news.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ms, err := Migrations()
	if err != nil {
		t.Fatal(err)
	}
	n, err := d.Migrate(ctx)
	if err != nil || n != len(ms) {
		t.Fatalf("first migrate applied %d of %d: %v", n, len(ms), err)
	}
	if n, err := d.Migrate(ctx); err != nil || n != 0 {
		t.Fatalf("second migrate applied %d: %v", n, err)
	}
}

func TestMigrateUpgradesInPlace(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "news.db")
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	v1 := []Migration{{Version: 1, Name: "0001_a.sql", SQL: `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`}}
	v2 := append(v1, Migration{Version: 2, Name: "0002_b.sql", SQL: `ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'staff'`})
	if n, err := d.migrate(ctx, v1); err != nil || n != 1 {
		t.Fatalf("v1: %d %v", n, err)
	}
	if _, err := d.Exec(ctx, `INSERT INTO notes (body) VALUES ('kept')`); err != nil {
		t.Fatal(err)
	}
	d.Close()

	d, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if n, err := d.migrate(ctx, v2); err != nil || n != 1 {
		t.Fatalf("upgrade applied %d: %v", n, err)
	}
	var body, author string
	if err := d.R.QueryRowContext(ctx, `SELECT body, author FROM notes`).Scan(&body, &author); err != nil || body != "kept" || author != "staff" {
		t.Fatalf("after upgrade: %q %q %v", body, author, err)
	}
}

func TestFailedMigrationLeavesNoRecord(t *testing.T) {
	ctx := context.Background()
	d, err := Open(filepath.Join(t.TempDir(), "news.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	bad := []Migration{{Version: 1, Name: "0001_bad.sql", SQL: `CREATE TABLE a (id INTEGER); CREATE TABLE oops (`}}
	if _, err := d.migrate(ctx, bad); err == nil {
		t.Fatal("a broken migration succeeded")
	}
	var n int
	d.R.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE name IN ('a', 'oops')`).Scan(&n)
	var recorded int
	d.R.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&recorded)
	if n != 0 || recorded != 0 {
		t.Errorf("half-applied migration: %d tables, %d records", n, recorded)
	}
}

func TestMigrationRecordsEveryVersion(t *testing.T) {
	ctx := context.Background()
	d, err := Open(filepath.Join(t.TempDir(), "news.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	ms, _ := Migrations()
	var count int
	if err := d.R.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&count); err != nil || count != len(ms) {
		t.Fatalf("schema_migrations has %d rows, want %d (%v)", count, len(ms), err)
	}
	var mode string
	if err := d.R.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	var fk int
	if err := d.R.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, want 1", fk)
	}
}
