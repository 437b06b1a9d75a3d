package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/newsroom/news/db"
)

// backupCommand is `news backup --db DB FILE`: an online, consistent copy
// of the site's database, safe to take while the server runs.
func backupCommand(ctx context.Context, args []string, getenv func(string) string, _ io.Reader, out io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(out)
	dbPath := fs.String("db", envOr(getenv, "NEWS_DB", "data/news.db"), "SQLite database file (NEWS_DB)")
	fs.Usage = func() { fmt.Fprintln(out, "usage: news backup [--db DB] FILE") }
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("backup: name one file to write")
	}
	store, err := db.Open(*dbPath)
	if err != nil {
		return err
	}
	defer store.Close()
	target := fs.Arg(0)
	if err := store.Backup(ctx, target); err != nil {
		return err
	}
	verdict, err := db.IntegrityCheck(ctx, target)
	if err != nil {
		return err
	}
	if verdict != "ok" {
		return fmt.Errorf("backup: integrity check of %s: %s", target, verdict)
	}
	fmt.Fprintf(out, "backup written to %s (integrity check: ok)\n", target)
	return nil
}
