package db

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

func TestBackupWhileWriting(t *testing.T) {
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
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() { // the site keeps writing during the backup
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := d.Exec(ctx, `INSERT INTO settings (key, value) VALUES (?, 'v')`, fmt.Sprint("k", i)); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	out := filepath.Join(dir, "backup.db")
	err = d.Backup(ctx, out)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if v, err := IntegrityCheck(ctx, out); err != nil || v != "ok" {
		t.Fatalf("backup integrity: %q %v", v, err)
	}
	// The copy opens as a site database: migrated, nothing to apply.
	b, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if n, err := b.Migrate(ctx); err != nil || n != 0 {
		t.Errorf("backup needed %d migrations: %v", n, err)
	}
	if err := d.Backup(ctx, out); err == nil {
		t.Error("backup over an existing file succeeded")
	}
}
