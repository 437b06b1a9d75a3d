// Command news serves the news site: one binary, one SQLite file.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
	_ "time/tzdata" // the site's time zone works on machines without zoneinfo

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/handlers"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/static"
	"github.com/newsroom/news/views"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "news:", err)
		os.Exit(1)
	}
}

// config is the server's configuration: flags, with environment fallbacks.
type config struct {
	addr   string
	dbPath string
	noDemo bool
	// baseURL is the site's public address, the start of absolute URLs.
	baseURL string
}

func parseConfig(args []string, getenv func(string) string, out io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("news", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&cfg.addr, "addr", envOr(getenv, "NEWS_ADDR", "localhost:8080"), "address to listen on (NEWS_ADDR)")
	fs.StringVar(&cfg.dbPath, "db", envOr(getenv, "NEWS_DB", "data/news.db"), "SQLite database file (NEWS_DB)")
	fs.BoolVar(&cfg.noDemo, "no-demo", false, "start a new database empty instead of with demo content")
	fs.StringVar(&cfg.baseURL, "base-url", getenv("NEWS_BASE_URL"),
		"public address of the site for absolute links, such as https://news.example.com (NEWS_BASE_URL; default: from --addr)")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	var err error
	if cfg.baseURL, err = baseURL(cfg.baseURL, cfg.addr); err != nil {
		return cfg, err
	}
	return cfg, nil
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

// run starts the site and serves until ctx ends.
func run(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	cfg, err := parseConfig(args, getenv, out)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(out, nil))
	store, err := openStore(ctx, cfg.dbPath, !cfg.noDemo, logger)
	if err != nil {
		return err
	}
	defer store.Close()

	srv, err := buildServer(store, logger, cfg.baseURL)
	if err != nil {
		return err
	}
	httpSrv := &http.Server{
		Addr:              cfg.addr,
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 1)
	go func() {
		logger.Info("serving", "addr", "http://"+cfg.addr, "db", cfg.dbPath)
		errc <- httpSrv.ListenAndServe()
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := httpSrv.Shutdown(shutCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// openStore opens and migrates the database, filling a new one with the
// demo content when demo is set.
func openStore(ctx context.Context, path string, demo bool, logger *slog.Logger) (*db.DB, error) {
	store, err := db.Open(path)
	if err != nil {
		return nil, err
	}
	n, err := store.Migrate(ctx)
	if err != nil {
		store.Close()
		return nil, err
	}
	if n > 0 {
		logger.Info("migrated", "applied", n)
	}
	empty, err := models.Empty(ctx, store)
	if err != nil {
		store.Close()
		return nil, err
	}
	if empty && demo {
		content, err := db.DemoContent()
		if err == nil {
			err = models.SeedDemo(ctx, store, content, time.Now())
		}
		if err != nil {
			store.Close()
			return nil, fmt.Errorf("demo content: %w", err)
		}
		logger.Info("filled a new site with demo content", "articles", len(content.Articles))
	}
	return store, nil
}

// buildServer parses the templates and wires stores and handlers.
func buildServer(store *db.DB, logger *slog.Logger, baseURL string) (http.Handler, error) {
	assets, err := static.Load()
	if err != nil {
		return nil, err
	}
	renderer, err := views.New(template.FuncMap{"asset": assets.URL})
	if err != nil {
		return nil, err
	}
	h := handlers.New(handlers.WithStores(handlers.Deps{
		Views:   renderer,
		Assets:  assets,
		Logger:  logger,
		BaseURL: baseURL,
	}, store, time.Now))
	return handlers.NewServer(h), nil
}
