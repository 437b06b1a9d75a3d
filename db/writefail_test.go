package db

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
)

// With writes switched off, every kind of write fails with ErrCannotWrite
// and leaves nothing behind, reads go on, and switching back restores
// writing.
func TestCannotWrite(t *testing.T) {
	ctx := context.Background()
	d, err := Open(filepath.Join(t.TempDir(), "news.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Exec(ctx, `CREATE TABLE notes (body TEXT)`); err != nil {
		t.Fatal(err)
	}
	if err := d.SetWritable(ctx, false); err != nil {
		t.Fatal(err)
	}
	_, err = d.Exec(ctx, `INSERT INTO notes VALUES ('a')`)
	if !errors.Is(err, ErrCannotWrite) {
		t.Errorf("Exec on a read-only store: %v, want ErrCannotWrite", err)
	}
	err = d.WithTx(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO notes VALUES ('b')`)
		return err
	})
	if !errors.Is(err, ErrCannotWrite) {
		t.Errorf("WithTx on a read-only store: %v, want ErrCannotWrite", err)
	}
	var n int
	if err := d.R.QueryRowContext(ctx, `SELECT count(*) FROM notes`).Scan(&n); err != nil || n != 0 {
		t.Errorf("read while read-only: %d %v", n, err)
	}
	if err := d.SetWritable(ctx, true); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Exec(ctx, `INSERT INTO notes VALUES ('c')`); err != nil {
		t.Errorf("write after the store is writable again: %v", err)
	}
	// Other errors are not mistaken for it.
	if _, err := d.Exec(ctx, `INSERT INTO nosuchtable VALUES (1)`); err == nil || errors.Is(err, ErrCannotWrite) {
		t.Errorf("a bad statement: %v", err)
	}
}

func TestCannotWriteMessages(t *testing.T) {
	for _, msg := range []string{"attempt to write a readonly database (8)", "disk I/O error (10)",
		"database or disk is full (13)", "write /x: no space left on device"} {
		if !errors.Is(classify(errors.New(msg)), ErrCannotWrite) {
			t.Errorf("%q not classified", msg)
		}
	}
	if errors.Is(classify(errors.New("UNIQUE constraint failed: users.email")), ErrCannotWrite) {
		t.Error("a constraint error classified as cannot write")
	}
}
