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
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
	_ "time/tzdata" // the site's time zone works on machines without zoneinfo

	"github.com/newsroom/news/handlers"
	"github.com/newsroom/news/handlers/edge"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/handlers/live"
	"github.com/newsroom/news/handlers/pagecache"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/static"
	"github.com/newsroom/news/views"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// config is the server's configuration: flags, with environment fallbacks.
type config struct {
	addr          string
	dbPath        string
	noDemo        bool
	tlsCert       string
	tlsKey        string
	proxies       []*net.IPNet
	secureCookies bool
	// cacheMB is the page cache's size in megabytes; 0 turns it off.
	cacheMB int
	// pprofAddr, when set, serves net/http/pprof there for profiling.
	pprofAddr string
	// baseURL is the site's public address, the start of absolute URLs.
	baseURL string
	// purgeStyle is the cache in front (its tag header and purge requests);
	// purgeURL, when set, is where purges go, with purgeToken (from the
	// environment only) as the credential.
	purgeStyle edge.Style
	purgeURL   string
	purgeToken string
}

func parseConfig(args []string, getenv func(string) string, out io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("news", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&cfg.addr, "addr", envOr(getenv, "NEWS_ADDR", "localhost:8080"), "address to listen on (NEWS_ADDR)")
	fs.StringVar(&cfg.dbPath, "db", envOr(getenv, "NEWS_DB", "data/news.db"), "SQLite database file (NEWS_DB)")
	fs.BoolVar(&cfg.noDemo, "no-demo", false, "start a new database empty instead of with demo content")
	fs.IntVar(&cfg.cacheMB, "cache-size", 64, "page cache size in MB; 0 turns the cache off")
	fs.StringVar(&cfg.pprofAddr, "pprof-addr", "", "serve net/http/pprof on this address, for profiling (keep it on loopback)")
	fs.StringVar(&cfg.tlsCert, "tls-cert", getenv("NEWS_TLS_CERT"), "TLS certificate file; serve HTTPS with --tls-key (NEWS_TLS_CERT)")
	fs.StringVar(&cfg.tlsKey, "tls-key", getenv("NEWS_TLS_KEY"), "TLS private key file (NEWS_TLS_KEY)")
	proxies := fs.String("trusted-proxy", getenv("NEWS_TRUSTED_PROXY"), "comma-separated proxy addresses or CIDR ranges whose X-Forwarded-For is believed (NEWS_TRUSTED_PROXY)")
	secureCookies, err := envBool(getenv, "NEWS_SECURE_COOKIES")
	if err != nil {
		return cfg, err
	}
	fs.BoolVar(&cfg.secureCookies, "secure-cookies", secureCookies,
		"mark the sign-in cookie Secure, for HTTPS ended by a proxy in front (NEWS_SECURE_COOKIES=1)")
	fs.StringVar(&cfg.baseURL, "base-url", getenv("NEWS_BASE_URL"),
		"public address of the site for absolute links, such as https://news.example.com (NEWS_BASE_URL; default: from --addr)")
	style := fs.String("purge-style", getenv("NEWS_PURGE_STYLE"),
		"the cache in front: varnish (xkey), fastly (Surrogate-Key, the default) or cloudflare (Cache-Tag) (NEWS_PURGE_STYLE)")
	fs.StringVar(&cfg.purgeURL, "purge-url", getenv("NEWS_PURGE_URL"),
		"where to send purges of changed pages: the Varnish address, the Fastly service or the Cloudflare zone API URL; the credential is NEWS_PURGE_TOKEN (NEWS_PURGE_URL)")
	fs.Usage = func() { usage(fs) }
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	cfg.purgeToken = getenv("NEWS_PURGE_TOKEN")
	var serr error
	if cfg.purgeStyle, serr = edge.ParseStyle(*style); serr != nil {
		return cfg, fmt.Errorf("--purge-style: %w", serr)
	}
	if cfg.cacheMB < 0 {
		return cfg, fmt.Errorf("--cache-size must be 0 or more megabytes")
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if (cfg.tlsCert == "") != (cfg.tlsKey == "") {
		return cfg, errors.New("--tls-cert and --tls-key go together")
	}
	if cfg.proxies, err = kit.ParseProxies(strings.Split(*proxies, ",")); err != nil {
		return cfg, fmt.Errorf("--trusted-proxy: %w", err)
	}
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
	stores, err := models.Open(ctx, cfg.dbPath, models.Options{Demo: !cfg.noDemo, Logger: logger})
	if err != nil {
		return err
	}
	defer stores.Close()

	if cfg.pprofAddr != "" {
		go servePprof(cfg.pprofAddr, logger)
	}
	keys, err := sessionKeys(ctx, stores.DB, getenv)
	if err != nil {
		return err
	}
	var purger *edge.Purger
	if cfg.purgeURL != "" {
		purger = edge.NewPurger(cfg.purgeStyle, cfg.purgeURL, cfg.purgeToken, logger)
		pctx, stopPurger := context.WithCancel(context.WithoutCancel(ctx))
		go purger.Run(pctx)
		defer func() { stopPurger(); <-purger.Done() }()
	}
	// Request lines are written off the request path; Close, after the
	// server has shut down, writes the last of them.
	access := kit.NewAccessLog(out)
	defer access.Close()
	hub := live.NewHub()
	srv, err := buildServer(stores, logger, access, cfg, keys, purger, hub)
	if err != nil {
		return err
	}
	// Read counts are written once a minute, and once more on the way out,
	// before the stores close.
	readsCtx, stopReads := context.WithCancel(context.Background())
	readsDone := make(chan struct{})
	go func() { srv.Reader.CountReads(readsCtx); close(readsDone) }()
	defer func() { stopReads(); <-readsDone }()
	if err := announceSetup(ctx, stores, siteURL(cfg), logger); err != nil {
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
	// Open live streams never go idle: end them so that Shutdown can finish.
	httpSrv.RegisterOnShutdown(hub.Close)
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	errc := make(chan error, 1)
	go func() {
		if cfg.tlsCert != "" {
			logger.Info("serving", "addr", "https://"+ln.Addr().String(), "db", cfg.dbPath)
			errc <- httpSrv.ServeTLS(ln, cfg.tlsCert, cfg.tlsKey)
			return
		}
		logger.Info("serving", "addr", "http://"+ln.Addr().String(), "db", cfg.dbPath)
		errc <- httpSrv.Serve(ln)
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	err = httpSrv.Shutdown(shutCtx)
	access.Close() // every request has logged its line by now
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// buildServer parses the templates and wires the stores into the server.
func buildServer(stores *models.Stores, logger *slog.Logger, access *kit.AccessLog, cfg config, sessionKeys [][]byte, purger *edge.Purger, hub *live.Hub) (*handlers.Server, error) {
	assets, err := static.Load()
	if err != nil {
		return nil, err
	}
	renderer, err := views.New(template.FuncMap{"asset": assets.URL})
	if err != nil {
		return nil, err
	}
	return handlers.NewServer(handlers.Deps{
		Stores:         stores,
		Views:          renderer,
		Assets:         assets,
		Logger:         logger,
		AccessLog:      access,
		Now:            time.Now,
		TrustedProxies: cfg.proxies,
		SessionKeys:    sessionKeys,
		SecureCookies:  cfg.secureCookies,
		PageCache:      pagecache.NewPageCache(int64(cfg.cacheMB)<<20, time.Now()),
		BaseURL:        cfg.baseURL,
		PurgeStyle:     cfg.purgeStyle,
		Purger:         purger,
		EdgeLongLived:  purger != nil,
	})
}
