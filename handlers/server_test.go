package handlers

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
	"golang.org/x/crypto/bcrypt"
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
	// H are the server's parts; H.DB is the database under the stores,
	// for checking what is stored.
	H      testHandles
	Clock  *clock
	Client *http.Client // keeps cookies, does not follow redirects
}

// testHandles are the parts of the server tests reach into: the stores
// (promoted: ts.H.Articles), the views and the two handlers.
type testHandles struct {
	*models.Stores
	Views *views.Renderer
	Site  *Server
}

// testOptions are the store options of every test: a cheap bcrypt cost,
// so that the tests do not spend their time hashing.
func testOptions(now func() time.Time) models.Options {
	return models.Options{Now: now, PasswordCost: bcrypt.MinCost}
}

// newTestDB returns the stores over a migrated database in a temporary
// folder, opened the way main opens it.
func newTestDB(t testing.TB, now func() time.Time) *models.Stores {
	t.Helper()
	s, err := models.Open(context.Background(), filepath.Join(t.TempDir(), "news.db"), testOptions(now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
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
		o := testOptions(func() time.Time { return testNow })
		o.Demo = true
		s, err := models.Open(context.Background(), filepath.Join(dir, "news.db"), o)
		if err != nil {
			demoTemplate.err = err
			return
		}
		s.Close() // closing the last connection folds the WAL into the file
	})
	if demoTemplate.err != nil {
		t.Fatal(demoTemplate.err)
	}
	return filepath.Join(demoTemplate.dir, "news.db")
}

// newDemoDB returns the stores over a private copy of the demo database.
func newDemoDB(t testing.TB, now func() time.Time) *models.Stores {
	t.Helper()
	src, err := os.ReadFile(demoFile(t))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "news.db")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := models.Open(context.Background(), path, testOptions(now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// newTestServer starts the site on a new database; with demo, filled with
// the demo content dated relative to testNow. The page cache is on in
// every such test, so that any test of a change also shows that readers
// see it.
func newTestServer(t testing.TB, demo bool) *testServer {
	t.Helper()
	ts, _ := newTestServerWith(t, serverOptions{demo: demo, cacheBytes: 16 << 20, baseURL: testBaseURL})
	return ts
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
