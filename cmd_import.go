package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/newsroom/news/models/wordpress"
)

// importCommand is `news import wordpress [--db FILE] [--uploads DIR]
// [--editors LOGIN,…] [--dry-run] EXPORT.xml`: brings a WordPress site's
// export into the site, safe to run again and while the server runs.
func importCommand(ctx context.Context, args []string, getenv func(string) string, _ io.Reader, out io.Writer) error {
	usage := "usage: news import wordpress [--db FILE] [--uploads DIR] [--editors LOGIN,...] [--dry-run] EXPORT.xml"
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
		fmt.Fprintln(out, usage)
		return flag.ErrHelp
	}
	if len(args) == 0 || args[0] != "wordpress" {
		fmt.Fprintln(out, usage)
		return fmt.Errorf("import: only WordPress exports can be imported (news import wordpress ...)")
	}
	fs := flag.NewFlagSet("import wordpress", flag.ContinueOnError)
	fs.SetOutput(out)
	dbPath := fs.String("db", envOr(getenv, "NEWS_DB", "data/news.db"), "SQLite database file (NEWS_DB)")
	uploads := fs.String("uploads", "", "the copy of the site's wp-content/uploads folder")
	editors := fs.String("editors", "", "comma-separated logins of the authors who become editors")
	dry := fs.Bool("dry-run", false, "write nothing; print what would be imported")
	fs.Usage = func() { fmt.Fprintln(out, usage); fs.PrintDefaults() }
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("import: name one export file")
	}
	store, err := openMigrated(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer store.Close()
	opt := wordpress.Options{Uploads: *uploads, DryRun: *dry, Progress: out, Reserved: importReserved}
	for _, l := range strings.Split(*editors, ",") {
		if l = strings.TrimSpace(l); l != "" {
			opt.Editors = append(opt.Editors, l)
		}
	}
	rep, err := wordpress.Import(ctx, store, fs.Arg(0), opt)
	if err != nil {
		return err
	}
	rep.Write(out)
	return nil
}

// importReserved are the site's own first path segments, which an imported
// page may not take (the newsroom checks its route table the same way).
var importReserved = []string{"admin", "api", "author", "category", "corrections", "feed", "live", "media",
	"read", "robots.txt", "search", "sitemap", "static", "tag"}
