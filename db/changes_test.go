package db

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// changeLog collects the changes a store publishes.
type changeLog struct {
	mu  sync.Mutex
	got []Change
}

func (l *changeLog) add(c Change) {
	l.mu.Lock()
	l.got = append(l.got, c)
	l.mu.Unlock()
}

func (l *changeLog) all() []Change {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.got)
}

func openMigrated(t *testing.T, path string) *DB {
	t.Helper()
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCommittedTagsArePublishedOnceAndOthersNot(t *testing.T) {
	ctx := context.Background()
	d := openMigrated(t, filepath.Join(t.TempDir(), "news.db"))
	var log changeLog
	d.Subscribe(log.add)
	err := d.WithTx(ctx, func(tx *Tx) error {
		tx.Changed("a1", "chrome", "a1")
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('x', 'y')`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// A rolled-back write and one that names nothing publish nothing.
	boom := errors.New("boom")
	if err := d.WithTx(ctx, func(tx *Tx) error { tx.Changed("a2"); return boom }); !errors.Is(err, boom) {
		t.Fatalf("rollback: %v", err)
	}
	if err := d.WithTx(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('z', 'y')`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	got := log.all()
	if len(got) != 1 || !slices.Equal(got[0].Tags, []string{"a1", "chrome"}) {
		t.Fatalf("published %+v, want one change a1 chrome", got)
	}
	var n int
	if err := d.R.QueryRow(`SELECT COUNT(*) FROM change_log`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("change_log rows = %d (%v), want 1", n, err)
	}
}

func TestAnotherProcessWritesReachSubscribers(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "news.db")
	server := openMigrated(t, path)
	server.SetPollInterval(50 * time.Millisecond)
	var log changeLog
	server.Subscribe(log.add)
	time.Sleep(100 * time.Millisecond) // the watch has read where the log stands
	other := openMigrated(t, path)     // as `news user add` would
	if err := other.WithTx(ctx, func(tx *Tx) error { tx.Changed("u7"); return nil }); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		if got := log.all(); len(got) > 0 {
			if len(got) != 1 || !slices.Equal(got[0].Tags, []string{"u7"}) {
				t.Fatalf("published %+v, want u7 once", got)
			}
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("another process's write did not reach the subscriber within 3 s")
}

func TestPrunedChangeLogDropsEverything(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "news.db")
	server := openMigrated(t, path)
	other := openMigrated(t, path)
	for i := 0; i < 3; i++ {
		if err := other.WithTx(ctx, func(tx *Tx) error { tx.Changed("a1"); return nil }); err != nil {
			t.Fatal(err)
		}
	}
	server.SetPollInterval(50 * time.Millisecond)
	var log changeLog
	server.Subscribe(log.add)
	time.Sleep(150 * time.Millisecond)
	// Rows the server has not read yet are pruned before it looks.
	if err := other.WithTx(ctx, func(tx *Tx) error { tx.Changed("a2"); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := other.WithTx(ctx, func(tx *Tx) error { tx.Changed("a3"); return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Exec(ctx, `DELETE FROM change_log WHERE tags = 'a2' OR tags = 'a1'`); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		for _, c := range log.all() {
			if c.All {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("published %+v, want a change of everything", log.all())
}
