package db

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"strings"
	"time"
)

// watch polls PRAGMA data_version, which changes on a connection whenever
// another connection (of this process or another) commits, and on each
// change publishes what other processes' rows in change_log name. When
// the rows after the last one read were pruned, it publishes All.
func (d *DB) watch(ctx context.Context) {
	every := d.feed.every
	if every <= 0 {
		every = time.Second
	}
	// data_version is per connection: the watch keeps one of its own.
	conn, err := sql.Open("sqlite", dsn(d.Path, false))
	if err != nil {
		slog.Warn("change log: open", "err", err)
		return
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	conn.SetConnMaxLifetime(0)
	var version, last int64
	err = conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&version)
	if err == nil {
		err = conn.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM change_log`).Scan(&last)
	}
	if err != nil {
		if ctx.Err() == nil {
			slog.Warn("change log: cannot watch for other processes' writes", "err", err)
		}
		return
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		var v int64
		if err := conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil || v == version {
			continue
		}
		version = v
		next, err := d.readChanges(ctx, conn, last)
		if err != nil {
			if ctx.Err() == nil {
				slog.Warn("change log: read", "err", err)
			}
			continue
		}
		last = next
	}
}

// readChanges publishes the rows of other processes after last and returns
// the newest id read.
func (d *DB) readChanges(ctx context.Context, conn *sql.DB, last int64) (int64, error) {
	var first sql.NullInt64
	if err := conn.QueryRowContext(ctx, `SELECT MIN(id) FROM change_log`).Scan(&first); err != nil {
		return last, err
	}
	if first.Valid && first.Int64 > last+1 && last > 0 {
		d.feed.publish(Change{All: true})
	}
	rows, err := conn.QueryContext(ctx, `SELECT id, origin, tags FROM change_log WHERE id > ? ORDER BY id`, last)
	if err != nil {
		return last, err
	}
	defer rows.Close()
	var tags []string
	for rows.Next() {
		var id int64
		var origin, list string
		if err := rows.Scan(&id, &origin, &list); err != nil {
			return last, fmt.Errorf("scan: %w", err)
		}
		last = id
		if origin != d.feed.origin {
			tags = append(tags, strings.Fields(list)...)
		}
	}
	if err := rows.Err(); err != nil {
		return last, err
	}
	if len(tags) > 0 {
		d.feed.publish(Change{Tags: tags})
	}
	return last, nil
}
