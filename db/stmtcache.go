package db

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// maxCachedStmts bounds the statement cache; queries past it are prepared
// each time as usual. Reader queries are a fixed set of texts, far fewer.
const maxCachedStmts = 256

// stmtCache keeps reader statements prepared: SQLite compiles a query in
// roughly the time it takes to run a small one, and a page runs several.
// Each *sql.Stmt prepares itself once per pooled connection and keeps it.
type stmtCache struct {
	mu    sync.RWMutex
	stmts map[string]*sql.Stmt
}

func (c *stmtCache) get(ctx context.Context, pool *sql.DB, query string) (*sql.Stmt, error) {
	c.mu.RLock()
	st, ok := c.stmts[query]
	c.mu.RUnlock()
	if ok {
		return st, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	if len(c.stmts) >= maxCachedStmts {
		return nil, nil
	}
	st, err := pool.PrepareContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("db: prepare: %w", err)
	}
	if c.stmts == nil {
		c.stmts = map[string]*sql.Stmt{}
	}
	c.stmts[query] = st
	return st, nil
}

// Query runs a read on the reader pool with a statement kept prepared.
func (d *DB) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := d.stmts.get(ctx, d.R, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return d.R.QueryContext(ctx, query, args...)
	}
	return st.QueryContext(ctx, args...)
}

// QueryContext is Query under the name *sql.DB and *sql.Tx use, so a
// helper that reads inside a transaction can also read through the cache.
func (d *DB) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return d.Query(ctx, query, args...)
}

// QueryRow is Query for one row.
func (d *DB) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := d.stmts.get(ctx, d.R, query)
	if err != nil || st == nil {
		return d.R.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.stmts {
		st.Close()
	}
	c.stmts = nil
}
