package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/newsroom/news/models/demo"
)

// demoCommand is `news demo`: it fills a new database with a large generated
// corpus, for load tests and for trying the site at a realistic size.
func demoCommand(ctx context.Context, args []string, _ func(string) string, _ io.Reader, out io.Writer) error {
	fs := flag.NewFlagSet("news demo", flag.ContinueOnError)
	fs.SetOutput(out)
	path := fs.String("db", "data/demo.db", "SQLite database file to create")
	articles := fs.Int("articles", 100000, "how many articles")
	comments := fs.Int("comments", 1000000, "how many comments")
	seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same corpus")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("demo: unexpected argument %q", fs.Arg(0))
	}
	if *articles < 1 || *comments < 0 {
		return fmt.Errorf("demo: --articles must be at least 1 and --comments at least 0")
	}
	store, err := openMigrated(ctx, *path)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	last := time.Time{}
	progress := func(stage string, done, total int) {
		if time.Since(last) < 200*time.Millisecond && done < total {
			return
		}
		last = time.Now()
		fmt.Fprintf(out, "\r%-8s %9d / %-9d %3d%%  %5.1fs", stage, done, total, done*100/max(total, 1), time.Since(start).Seconds())
		if done == total {
			fmt.Fprintln(out)
		}
	}
	err = demo.GenerateCorpus(ctx, store, demo.CorpusOptions{
		Articles: *articles, Comments: *comments, Seed: *seed, Now: time.Now(), Progress: progress,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "wrote %s: %d articles, %d comments in %.1fs\n", *path, *articles, *comments, time.Since(start).Seconds())
	return nil
}
