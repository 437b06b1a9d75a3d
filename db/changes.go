package db

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// Change is what one committed write changed, as cache tags (the
// vocabulary is in models/tags.go). All says that what changed is not
// known, so every copy of every page must go.
type Change struct {
	Tags []string
	All  bool
}

// Changes carries committed changes to whoever keeps copies of pages (the
// page cache, the edge purger). The SQLite store publishes its own writes
// in-process just after they commit and reads other processes' writes from
// the change log; a PostgreSQL store would use LISTEN/NOTIFY behind the
// same interface.
type Changes interface {
	// Subscribe calls fn for each change until cancel is called. fn runs
	// on the writer's goroutine just after the commit: it must be quick
	// and must not write to the database.
	Subscribe(fn func(Change)) (cancel func())
}

// Tx is a write transaction. Changed names the cache tags the write
// changes; a write that names none (a held comment, a sign-in, an audit
// entry) drops no cached page.
type Tx struct {
	*sql.Tx
	tags []string
}

// Changed records that the transaction changes what pages carrying tags
// show. The tags are logged and published only if it commits.
func (tx *Tx) Changed(tags ...string) { tx.tags = append(tx.tags, tags...) }

// changeLogKeep is how long the change log keeps a row; a process that
// has not looked for longer drops everything.
const changeLogKeep = 24 * time.Hour

// changeFeed is the in-process side of Changes.
type changeFeed struct {
	origin string // marks this process's rows in change_log
	mu     sync.Mutex
	next   int
	subs   map[int]func(Change)
	// watching is set once the poll for other processes' writes runs.
	watching bool
	stop     context.CancelFunc
	every    time.Duration
}

func newOrigin() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Subscribe implements Changes. The first subscriber also starts watching
// for other processes' writes, until Close.
func (d *DB) Subscribe(fn func(Change)) (cancel func()) {
	f := &d.feed
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.subs == nil {
		f.subs = map[int]func(Change){}
	}
	id := f.next
	f.next++
	f.subs[id] = fn
	if !f.watching {
		f.watching = true
		ctx, stop := context.WithCancel(context.Background())
		f.stop = stop
		go d.watch(ctx)
	}
	return func() {
		f.mu.Lock()
		delete(f.subs, id)
		f.mu.Unlock()
	}
}

// SetPollInterval sets how often the store looks for other processes'
// writes (a second by default). Call it before Subscribe.
func (d *DB) SetPollInterval(every time.Duration) { d.feed.every = every }

func (f *changeFeed) publish(c Change) {
	f.mu.Lock()
	subs := make([]func(Change), 0, len(f.subs))
	for _, fn := range f.subs {
		subs = append(subs, fn)
	}
	f.mu.Unlock()
	for _, fn := range subs {
		fn(c)
	}
}

func (f *changeFeed) close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.stop != nil {
		f.stop()
	}
}

// logChange appends the tags of a transaction about to commit to
// change_log, pruning old rows now and then. It returns the tags, sorted
// and without repeats.
func (d *DB) logChange(ctx context.Context, tx *Tx) ([]string, error) {
	if len(tx.tags) == 0 {
		return nil, nil
	}
	tags := slices.Clone(tx.tags)
	slices.Sort(tags)
	tags = slices.Compact(tags)
	now := time.Now()
	res, err := tx.ExecContext(ctx, `INSERT INTO change_log (at, origin, tags) VALUES (?, ?, ?)`,
		now.Unix(), d.feed.origin, strings.Join(tags, " "))
	if err != nil {
		return nil, fmt.Errorf("db: log change: %w", err)
	}
	if id, _ := res.LastInsertId(); id%500 == 0 {
		// The newest row stays, so that a reader can tell rows were pruned.
		if _, err := tx.ExecContext(ctx, `DELETE FROM change_log WHERE at < ? AND id < ?`,
			now.Add(-changeLogKeep).Unix(), id); err != nil {
			return nil, fmt.Errorf("db: prune change log: %w", err)
		}
	}
	return tags, nil
}
