package db

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
)

// TestBackupHoldsNoSessionKeyOrSetupLink: whoever gets a backup file must
// not be able to sign cookies as the site or use a setup link; the rest of
// the site is all there.
func TestBackupHoldsNoSessionKeyOrSetupLink(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	d, err := Open(filepath.Join(dir, "news.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	key := []byte("session-key-0123456789-abcdefghijklmnop")
	token := "setup-token-hash-0123456789abcdef"
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO secrets (name, value) VALUES ('session_key', ?)`, []any{key}},
		{`INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES (?, 1, 2)`, []any{token}},
		{`INSERT INTO settings (key, value) VALUES ('kept', 'the rest of the site')`, nil},
		{`INSERT INTO users (email, name, slug, role, password_hash, created_at) VALUES ('a@example.com', 'A', 'a', 'admin', 'x', 1)`, nil},
		{`INSERT INTO sessions (id_hash, user_id, created_at, seen_at, expires_at) VALUES ('session-hash-0123456789', 1, 1, 1, 2)`, nil},
	} {
		if _, err := d.Exec(ctx, q.sql, q.args...); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "backup.db")
	if err := d.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, key) || bytes.Contains(raw, []byte(token)) {
		t.Error("the backup file still holds the session key or the setup token's bytes")
	}
	if !bytes.Contains(raw, []byte("the rest of the site")) {
		t.Error("the backup lost the site's settings")
	}
	conn, err := sql.Open("sqlite", "file:"+out+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, table := range []string{"secrets", "setup_tokens", "sessions"} {
		var n int
		if err := conn.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s in the backup: %d rows (%v)", table, n, err)
		}
	}
	if _, err := os.Stat(out + "-wal"); err == nil {
		t.Error("the backup left a -wal file beside it")
	}
}
