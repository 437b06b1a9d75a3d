package handlers

import (
	"context"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/static"
	"github.com/newsroom/news/views"
)

// testNow is the fixed moment tests run at, so "now" in the demo content
// and in the stores agree.
var testNow = time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)

// testBaseURL is the public address the test site believes it has, so
// absolute URLs do not depend on the test server's port.
const testBaseURL = "https://news.example.com"

// clock is a settable clock for tests.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// testServer is the real Echo server over a temporary database.
type testServer struct {
	*httptest.Server
	DB     *db.DB
	H      *Handler
	Clock  *clock
	Client *http.Client // keeps cookies, does not follow redirects
}

// newTestDB returns a migrated database in a temporary folder.
func newTestDB(t testing.TB) *db.DB {
	t.Helper()
	d, err := db.Open(filepath.Join(t.TempDir(), "news.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return d
}

// demoTemplate is a database filled with the demo content once per test
// run (drawing its illustrations takes most of a second); each test that
// wants the demo gets its own copy of the file.
var demoTemplate struct {
	once sync.Once
	dir  string
	err  error
}

// TestMain removes the demo template after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	if demoTemplate.dir != "" {
		os.RemoveAll(demoTemplate.dir)
	}
	os.Exit(code)
}

func demoFile(t testing.TB) string {
	t.Helper()
	demoTemplate.once.Do(func() {
		dir, err := os.MkdirTemp("", "news-demo-")
		if err != nil {
			demoTemplate.err = err
			return
		}
		demoTemplate.dir = dir
		d, err := db.Open(filepath.Join(dir, "news.db"))
		if err != nil {
			demoTemplate.err = err
			return
		}
		defer d.Close() // closing the last connection folds the WAL into the file
		ctx := context.Background()
		content, err := db.DemoContent()
		if err == nil {
			_, err = d.Migrate(ctx)
		}
		if err == nil {
			err = models.SeedDemo(ctx, d, content, testNow)
		}
		demoTemplate.err = err
	})
	if demoTemplate.err != nil {
		t.Fatal(demoTemplate.err)
	}
	return filepath.Join(demoTemplate.dir, "news.db")
}

// newDemoDB returns a private copy of the demo database.
func newDemoDB(t testing.TB) *db.DB {
	t.Helper()
	src, err := os.ReadFile(demoFile(t))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "news.db")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return d
}

// newTestServer starts the site on a new database; with demo, filled with
// the demo content dated relative to testNow.
func newTestServer(t testing.TB, demo bool) *testServer {
	t.Helper()
	var d *db.DB
	if demo {
		d = newDemoDB(t)
	} else {
		d = newTestDB(t)
	}
	assets, err := static.Load()
	if err != nil {
		t.Fatal(err)
	}
	r, err := views.New(template.FuncMap{"asset": assets.URL})
	if err != nil {
		t.Fatal(err)
	}
	clk := &clock{t: testNow}
	h := New(WithStores(Deps{
		Views:  r,
		Assets: assets,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		// The page cache is on in every test, so that any test of a change
		// also shows that readers see it.
		PageCache: NewPageCache(16<<20, testNow),
		BaseURL:   testBaseURL,
	}, d, clk.Now))
	srv := httptest.NewServer(NewServer(h))
	t.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       30 * time.Second,
	}
	return &testServer{Server: srv, DB: d, H: h, Clock: clk, Client: client}
}

// get fetches path and returns the response and its body.
func (ts *testServer) get(t testing.TB, path string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ts.do(t, req)
}

// postForm posts form to path the way a same-origin browser form would.
func (ts *testServer) postForm(t testing.TB, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return ts.do(t, req)
}

func (ts *testServer) do(t testing.TB, req *http.Request) (*http.Response, string) {
	t.Helper()
	res, err := ts.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}
