package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
)

// Backup writes a consistent copy of the whole database to path while the
// site goes on serving. VACUUM INTO reads one snapshot of the database (WAL
// readers see a fixed point in time) and writes a compact new file, so
// writers are not blocked. path must not exist yet.
func (d *DB) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("db: backup: %s already exists", path)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("db: backup: %w", err)
	}
	// A connection of its own: the reader pool is query-only, and the
	// writer must stay free for the site.
	conn, err := sql.Open("sqlite", dsn(d.Path, false))
	if err != nil {
		return fmt.Errorf("db: backup: %w", err)
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	if _, err := conn.ExecContext(ctx, `PRAGMA query_only = OFF`); err != nil {
		return fmt.Errorf("db: backup: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		os.Remove(path)
		return fmt.Errorf("db: backup: %w", err)
	}
	if err := stripSecrets(ctx, path); err != nil {
		os.Remove(path)
		return fmt.Errorf("db: backup: %w", err)
	}
	return nil
}

// backupOmits are the tables a backup keeps empty: the key that signs
// session cookies, unused setup links and the session records. Whoever holds a backup could
// otherwise forge an admin's session or create an admin; a site restored
// from it makes a new key, so everyone signs in again.
var backupOmits = []string{"secrets", "setup_tokens", "sessions"}

// stripSecrets empties backupOmits in the copy at path, overwriting the
// freed pages so that the bytes are gone from the file, not only the rows.
func stripSecrets(ctx context.Context, path string) error {
	conn, err := sql.Open("sqlite", "file:"+path+"?_pragma=secure_delete(ON)&_pragma=journal_mode(DELETE)")
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	for _, table := range backupOmits {
		if _, err := conn.ExecContext(ctx, `DELETE FROM `+table); err != nil {
			return err
		}
	}
	return conn.Close()
}

// IntegrityCheck opens the database file at path read-only and runs
// PRAGMA integrity_check, returning its verdict ("ok" when sound).
func IntegrityCheck(ctx context.Context, path string) (string, error) {
	conn, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return "", err
	}
	defer conn.Close()
	var verdict string
	if err := conn.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&verdict); err != nil {
		return "", fmt.Errorf("db: integrity check: %w", err)
	}
	return verdict, nil
}
