package handlers

import (
	"bytes"
	"context"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/pagecache"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/static"
	"github.com/newsroom/news/views"
)

// serverOptions change what newTestServerWith builds.
type serverOptions struct {
	demo bool
	// cacheBytes is the page cache's size; 0 turns it off.
	cacheBytes int64
	// baseURL is the site's public address (testBaseURL in newTestServer).
	baseURL string
	// proxies are believed in X-Forwarded-For, as with --trusted-proxy.
	proxies []*net.IPNet
	// routes adds test-only routes through the route groups before the
	// server starts.
	routes func(g *Groups)
	// stream is the streaming group's write deadline (the default when 0).
	stream time.Duration
	// writeTimeout is the test HTTP server's WriteTimeout (none when 0).
	writeTimeout time.Duration
	// heartbeat is how often an idle live stream sends a comment line.
	heartbeat time.Duration
	// imageMemory is the image memory budget (the default when 0).
	imageMemory int64
}

// logBuffer collects the server's log lines; safe for concurrent use.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newTestServerWith builds the server the way main does, with options,
// and a log that the test can read.
func newTestServerWith(t testing.TB, o serverOptions) (*testServer, *logBuffer) {
	t.Helper()
	clk := &clock{t: testNow}
	st := newTestDB(t, clk.Now)
	if o.demo {
		st = newDemoDB(t, clk.Now)
	}
	assets, err := static.Load()
	if err != nil {
		t.Fatal(err)
	}
	r, err := views.New(template.FuncMap{"asset": assets.URL})
	if err != nil {
		t.Fatal(err)
	}
	if o.imageMemory != 0 {
		st.Renditions = models.NewRenditions(st.Media, 64<<20, models.NewMemoryBudget(o.imageMemory, 8))
	}
	logs := &logBuffer{}
	site, err := NewServer(Deps{
		Stores:         st,
		Views:          r,
		Assets:         assets,
		Logger:         slog.New(slog.NewTextHandler(logs, nil)),
		Now:            clk.Now,
		TrustedProxies: o.proxies,
		PageCache:      pagecache.NewPageCache(o.cacheBytes, testNow),
		BaseURL:        o.baseURL,
		StreamTimeout:  o.stream,
		LiveHeartbeat:  o.heartbeat,
	})
	if err != nil {
		t.Fatal(err)
	}
	if o.routes != nil {
		o.routes(site.Groups)
	}
	srv := httptest.NewUnstartedServer(site)
	srv.Config.WriteTimeout = o.writeTimeout
	srv.Start()
	t.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       30 * time.Second,
	}
	return &testServer{Server: srv, H: testHandles{Stores: st, Views: r, Site: site}, Clock: clk, Client: client}, logs
}

// firstArticlePath returns the address of a published demo article.
func firstArticlePath(t testing.TB, ts *testServer) string {
	t.Helper()
	list, err := ts.H.Articles.Latest(context.Background(), 1)
	if err != nil || len(list) == 0 {
		t.Fatalf("no published article: %v", err)
	}
	return list[0].URL()
}

// newTLSServerFor serves ts's site over HTTPS as well.
func newTLSServerFor(t testing.TB, ts *testServer) *httptest.Server {
	t.Helper()
	s := httptest.NewTLSServer(ts.Config.Handler)
	t.Cleanup(s.Close)
	return s
}

// echoOf returns the Echo server behind ts.
func echoOf(ts *testServer) *echo.Echo { return ts.H.Site.Echo }
