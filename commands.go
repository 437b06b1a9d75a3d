package main

import (
	"context"
	"io"

	"github.com/newsroom/news/db"
)

// commandFunc is a command other than serving: news <word> [flags].
type commandFunc func(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, out io.Writer) error

// command returns the command args name, or nil when args are the
// server's flags.
func command(args []string) commandFunc {
	if len(args) == 0 {
		return nil
	}
	switch args[0] {
	case "user":
		return userCommand
	case "backup":
		return backupCommand
	case "demo":
		return demoCommand
	case "import":
		return importCommand
	case "vcl":
		return vclCommand
	}
	return nil
}

// openMigrated opens the database at path for a command, migrated to the
// current schema.
func openMigrated(ctx context.Context, path string) (*db.DB, error) {
	store, err := db.Open(path)
	if err != nil {
		return nil, err
	}
	if _, err := store.Migrate(ctx); err != nil {
		store.Close()
		return nil, err
	}
	return store, nil
}
