// Package db opens the site's SQLite store, applies its migrations and
// provides the transaction helper every write goes through.
package db

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// DB is one SQLite file seen through two pools: a single writer connection
// and a pool of readers. SQLite allows one writer at a time; funnelling every
// write through one connection that begins transactions with BEGIN IMMEDIATE
// means writers queue in Go instead of failing with "database is locked",
// while WAL mode lets readers go on alongside the writer.
//
// Every write goes through Exec or WithTx. A transaction names the cache
// tags it changes (Tx.Changed); on commit they are logged in change_log and
// published to subscribers (see Changes), so caches drop only those pages.
type DB struct {
	w *sql.DB
	// R is the reader pool.
	R *sql.DB
	// Path is the file the database lives in.
	Path string

	feed changeFeed
	// stmts keeps reader statements prepared; see Query.
	stmts stmtCache
}

// Open opens (creating if needed) the database at path, including the folder
// it lives in. It does not migrate; call Migrate.
func Open(path string) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("db: create folder: %w", err)
		}
	}
	w, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("db: open writer: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := w.Ping(); err != nil {
		w.Close()
		return nil, fmt.Errorf("db: open %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("db: open readers: %w", err)
	}
	n := max(4, runtime.NumCPU()*2)
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	return &DB{w: w, R: r, Path: path, feed: changeFeed{origin: newOrigin()}}, nil
}

// dsn builds the connection string. busy_timeout comes first because
// switching to WAL may itself need to wait for a lock; synchronous(NORMAL)
// is safe in WAL mode (a crash can lose at most the last transactions not
// yet checkpointed, never corrupt the file) and much faster than FULL.
func dsn(path string, writer bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	if writer {
		q.Set("_txlock", "immediate")
	} else {
		q.Add("_pragma", "query_only(ON)")
	}
	return "file:" + path + "?" + q.Encode()
}

// Close closes both pools.
func (d *DB) Close() error {
	d.feed.close()
	d.stmts.close()
	errR := d.R.Close()
	errW := d.w.Close()
	if errW != nil {
		return errW
	}
	return errR
}

// WithTx runs fn in a transaction on the writer and commits when fn returns
// nil. Any error, or a panic, rolls it back. The tags fn names with
// tx.Changed are logged in the same transaction and published to
// subscribers once it has committed. An error that says the database
// cannot be written (read-only, full disk) is marked ErrCannotWrite.
func (d *DB) WithTx(ctx context.Context, fn func(tx *Tx) error) error {
	stx, err := d.w.BeginTx(ctx, nil)
	if err != nil {
		return classify(fmt.Errorf("db: begin: %w", err))
	}
	defer stx.Rollback()
	tx := &Tx{Tx: stx}
	if err := fn(tx); err != nil {
		return classify(err)
	}
	tags, err := d.logChange(ctx, tx)
	if err != nil {
		return classify(err)
	}
	if err := stx.Commit(); err != nil {
		return classify(fmt.Errorf("db: commit: %w", err))
	}
	if len(tags) > 0 {
		d.feed.publish(Change{Tags: tags})
	}
	return nil
}

// Exec runs one statement on the writer outside an explicit transaction.
// It names no cache tags: use it only for writes no reader page shows.
func (d *DB) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	res, err := d.w.ExecContext(ctx, query, args...)
	return res, classify(err)
}
