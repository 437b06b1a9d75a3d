package db

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrCannotWrite marks a write that failed because the database cannot be
// written at all just now: the file or its folder is read-only, the disk
// is full, or the disk reports an I/O error. Reading usually goes on. The
// SQLite error stays in the chain beside it.
var ErrCannotWrite = errors.New("db: the database cannot be written to")

// classify marks err with ErrCannotWrite when it says the store cannot be
// written, so handlers can tell "try later" apart from a bug.
func classify(err error) error {
	if err == nil || errors.Is(err, ErrCannotWrite) || !cannotWrite(err) {
		return err
	}
	return fmt.Errorf("%w: %w", ErrCannotWrite, err)
}

func cannotWrite(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff { // the primary code of an extended one
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN:
			return true
		}
	}
	msg := strings.ToLower(err.Error())
	for _, s := range []string{"readonly database", "read-only file system", "database or disk is full",
		"disk i/o error", "no space left on device"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// SetWritable(false) makes every later write fail the way it fails on a
// read-only database file (PRAGMA query_only on the one writer
// connection), while reads go on; SetWritable(true) ends that. It exists
// so that tests can check how the site behaves on a read-only or full
// disk, which file permissions cannot bring about for root; it could also
// hold writes during maintenance.
func (d *DB) SetWritable(ctx context.Context, writable bool) error {
	v := "ON"
	if writable {
		v = "OFF"
	}
	if _, err := d.w.ExecContext(ctx, "PRAGMA query_only = "+v); err != nil {
		return fmt.Errorf("db: set writable: %w", err)
	}
	return nil
}
