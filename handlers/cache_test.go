package handlers

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/pagecache"
	"github.com/newsroom/news/models"
)

// getWith fetches path with extra request headers. Setting Accept-Encoding
// by hand stops the client from decompressing behind the test's back.
func (ts *testServer) getWith(t *testing.T, method, path string, headers ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept-Encoding", "identity")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return ts.do(t, req)
}

// fetch is a plain reader's GET: no cookies, no compression.
func (ts *testServer) fetch(t *testing.T, path string) (*http.Response, string) {
	t.Helper()
	return ts.getWith(t, http.MethodGet, path)
}

func wantCache(t *testing.T, res *http.Response, want string) {
	t.Helper()
	if got := res.Header.Get("X-Cache"); got != want {
		t.Errorf("%s %s: X-Cache %q, want %q", res.Request.Method, res.Request.URL.Path, got, want)
	}
}

func TestReaderPagesAreCachedWithValidators(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	res, first := ts.fetch(t, "/")
	wantCache(t, res, "miss")
	res, second := ts.fetch(t, "/")
	wantCache(t, res, "hit")
	if first != second || res.StatusCode != http.StatusOK {
		t.Fatalf("cached front page differs or failed: %d", res.StatusCode)
	}
	for k, want := range map[string]string{
		"Cache-Control": pagecache.ReaderCacheControl,
		"Vary":          "Accept-Encoding",
		"Content-Type":  "text/html; charset=UTF-8",
	} {
		if got := res.Header.Get(k); got != want {
			t.Errorf("%s: %q, want %q", k, got, want)
		}
	}
	if _, err := http.ParseTime(res.Header.Get("Last-Modified")); err != nil {
		t.Errorf("Last-Modified: %v", err)
	}
	etag := res.Header.Get("ETag")
	if !strings.HasPrefix(etag, `"`) || len(etag) < 10 {
		t.Fatalf("ETag %q is not a strong validator", etag)
	}
	res, body := ts.getWith(t, http.MethodGet, "/", "If-None-Match", etag)
	if res.StatusCode != http.StatusNotModified || body != "" {
		t.Errorf("If-None-Match: %d with %d bytes, want 304 and none", res.StatusCode, len(body))
	}
	res, _ = ts.getWith(t, http.MethodGet, "/", "If-None-Match", `"something-else"`)
	if res.StatusCode != http.StatusOK {
		t.Errorf("stale If-None-Match: %d, want 200", res.StatusCode)
	}
	res, body = ts.getWith(t, http.MethodHead, "/")
	if res.StatusCode != http.StatusOK || body != "" || res.Header.Get("ETag") != etag {
		t.Errorf("HEAD: %d, %d bytes, ETag %q", res.StatusCode, len(body), res.Header.Get("ETag"))
	}
}

func TestGzipForClientsThatAcceptIt(t *testing.T) {
	t.Parallel()
	for _, size := range []int64{16 << 20, 0} {
		ts := newTestServer(t, true)
		ts.H.Site.Cache.PageCache = pagecache.NewPageCache(size, testNow)
		_, plain := ts.fetch(t, "/")
		for range 2 { // a miss, then (with the cache) a hit
			res, zipped := ts.getWith(t, http.MethodGet, "/", "Accept-Encoding", "br, gzip;q=0.8")
			if res.Header.Get("Content-Encoding") != "gzip" {
				t.Fatalf("cache %d: Content-Encoding %q", size, res.Header.Get("Content-Encoding"))
			}
			zr, err := gzip.NewReader(strings.NewReader(zipped))
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(zr)
			if err != nil || !bytes.Equal(got, []byte(plain)) {
				t.Fatalf("cache %d: gzip body does not match the page (%v)", size, err)
			}
			if len(zipped) >= len(plain)/2 {
				t.Errorf("cache %d: gzip %d bytes of %d", size, len(zipped), len(plain))
			}
			if res.Header.Get("ETag") == "" || res.Header.Get("Cache-Control") != pagecache.ReaderCacheControl {
				t.Errorf("cache %d: gzip response lacks its validators", size)
			}
		}
		res, _ := ts.getWith(t, http.MethodGet, "/", "Accept-Encoding", "gzip;q=0")
		if res.Header.Get("Content-Encoding") != "" {
			t.Errorf("gzip;q=0 got %q", res.Header.Get("Content-Encoding"))
		}
	}
}

// TestCacheNeverStale changes the site in every way a reader page can
// change and checks that the next reader sees it.
func TestCacheNeverStale(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ctx := context.Background()
	cats, err := ts.H.Categories.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	users, err := ts.H.Articles.Latest(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	author := users[0].Author.ID
	warm := func(path string) {
		t.Helper()
		ts.fetch(t, path)
		res, _ := ts.fetch(t, path)
		wantCache(t, res, "hit")
	}
	see := func(path, want string) {
		t.Helper()
		res, body := ts.fetch(t, path)
		wantCache(t, res, "miss")
		if !strings.Contains(body, want) {
			t.Errorf("%s does not show %q after the change", path, want)
		}
	}

	// Publish.
	warm("/")
	a, err := ts.H.Articles.Create(ctx, models.ArticleInput{Title: "Harbour bridge reopens after repairs",
		BodyMD: "Traffic flows again.", CategoryID: cats[0].ID, AuthorID: author, Status: models.StatusPublished,
		CommentsOpen: true, PublishedAt: testNow.Add(-time.Minute), Tags: []string{"Harbour"}})
	if err != nil {
		t.Fatal(err)
	}
	see("/", "Harbour bridge reopens after repairs")
	path := "/" + cats[0].Slug + "/" + a.Slug

	// Edit.
	warm(path)
	_, err = ts.H.Articles.UpdateEdited(ctx, a.ID, 1, models.ArticleInput{Title: "Harbour bridge reopens a day early",
		Slug: a.Slug, BodyMD: "Traffic flows again.", CategoryID: cats[0].ID, AuthorID: author, Status: models.StatusPublished,
		CommentsOpen: true, PublishedAt: testNow.Add(-time.Minute), Tags: []string{"Harbour"}}, models.Editor{Note: "edited"})
	if err != nil {
		t.Fatal(err)
	}
	see(path, "Harbour bridge reopens a day early")

	// A comment approved by a moderator.
	if _, err := ts.H.DB.Exec(ctx, `INSERT INTO comments (article_id, name, body_html, status, created_at)
		VALUES (?, 'Ines', '<p>About time too.</p>', 'pending', ?)`, a.ID, testNow.Unix()); err != nil {
		t.Fatal(err)
	}
	warm(path)
	if _, body := ts.fetch(t, path); strings.Contains(body, "About time too.") {
		t.Fatal("a pending comment is shown")
	}
	section := "/category/" + cats[0].Slug
	warm(section)
	var commentID int64
	if err := ts.H.DB.QueryRow(ctx, `SELECT id FROM comments WHERE article_id = ?`, a.ID).Scan(&commentID); err != nil {
		t.Fatal(err)
	}
	if _, err := ts.H.Comments.SetStatus(ctx, []int64{commentID}, models.CommentApproved); err != nil {
		t.Fatal(err)
	}
	see(path, "About time too.")
	// The section's cards show no comment count: its page stays cached.
	res, body := ts.fetch(t, section)
	wantCache(t, res, "hit")
	if strings.Contains(body, "1 comment") {
		t.Errorf("%s shows a comment count on a card", section)
	}

	// A settings change.
	warm("/tag/harbour")
	st, err := ts.H.Settings.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.SiteName = "The Evening Ledger"
	if err := ts.H.Settings.Save(ctx, st); err != nil {
		t.Fatal(err)
	}
	see("/tag/harbour", "The Evening Ledger")
	see("/", "The Evening Ledger")
}

func TestCacheFollowsTheClock(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ctx := context.Background()
	latest, err := ts.H.Articles.Latest(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	ref := latest[0]
	// Within the Most read list's lifetime (reader.MostReadEvery, 10 minutes), after which
	// every reader page expires anyway.
	at := testNow.Add(5 * time.Minute)
	_, err = ts.H.Articles.Create(ctx, models.ArticleInput{Title: "Embargoed budget details released",
		BodyMD: "The figures.", CategoryID: ref.Category.ID, AuthorID: ref.Author.ID,
		Status: models.StatusPublished, PublishedAt: at})
	if err != nil {
		t.Fatal(err)
	}
	ts.fetch(t, "/")
	ts.Clock.Set(at.Add(-time.Second))
	res, body := ts.fetch(t, "/")
	wantCache(t, res, "hit")
	if strings.Contains(body, "Embargoed budget details released") {
		t.Fatal("a scheduled article shows before its time")
	}
	ts.Clock.Set(at)
	res, body = ts.fetch(t, "/")
	wantCache(t, res, "miss")
	if !strings.Contains(body, "Embargoed budget details released") {
		t.Fatal("the scheduled article is not on the front page once live")
	}

	// The date bar turns over at midnight in the site's time zone.
	if !strings.Contains(body, "Sunday, March 15, 2026") {
		t.Fatal("date bar does not show the test day")
	}
	ts.Clock.Set(time.Date(2026, 3, 15, 23, 55, 0, 0, time.UTC))
	ts.fetch(t, "/")
	ts.Clock.Set(time.Date(2026, 3, 15, 23, 59, 59, 0, time.UTC))
	res, _ = ts.fetch(t, "/")
	wantCache(t, res, "hit")
	ts.Clock.Set(time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC))
	res, body = ts.fetch(t, "/")
	wantCache(t, res, "miss")
	if !strings.Contains(body, "Monday, March 16, 2026") {
		t.Error("date bar did not turn over at midnight")
	}
}

func TestPerVisitorResponsesAreNotCached(t *testing.T) {
	t.Parallel()
	calls := 0
	routes := func(g *Groups) {
		g.Machine.GET("/feed/with-cookie", func(c echo.Context) error {
			calls++
			c.SetCookie(&http.Cookie{Name: "seen", Value: "1"})
			return c.String(http.StatusOK, "hello")
		})
		g.Machine.GET("/feed/no-store", func(c echo.Context) error {
			calls++
			c.Response().Header().Set("Cache-Control", "no-store")
			return c.String(http.StatusOK, "hello")
		})
	}
	ts, _ := newTestServerWith(t, serverOptions{demo: true, cacheBytes: 16 << 20, baseURL: testBaseURL, routes: routes})
	for _, path := range []string{"/feed/with-cookie", "/feed/no-store"} {
		calls = 0
		for range 2 {
			res, _ := ts.fetch(t, path)
			if res.Header.Get("X-Cache") != "" {
				t.Errorf("%s: X-Cache %q on a per-visitor response", path, res.Header.Get("X-Cache"))
			}
		}
		if calls != 2 {
			t.Errorf("%s: handler ran %d times for 2 requests", path, calls)
		}
	}

	// Unknown query parameters are not stored; ?page=N is.
	for _, tc := range []struct{ path, second string }{
		{"/?utm_source=x", "miss"}, {"/?page=2&page=3", "miss"}, {"/category/world-news?page=2", "hit"},
	} {
		ts.fetch(t, tc.path)
		res, _ := ts.fetch(t, tc.path)
		if res.StatusCode == http.StatusOK {
			wantCache(t, res, tc.second)
		}
	}

	// A request with cookies gets its own render, not to be shared.
	ts.fetch(t, "/")
	res, _ := ts.getWith(t, http.MethodGet, "/", "Cookie", "session=abc")
	wantCache(t, res, "miss")
	if res.Header.Get("Cache-Control") != pagecache.VisitorCacheControl {
		t.Errorf("Cache-Control %q for a request with cookies", res.Header.Get("Cache-Control"))
	}

	res, _ = ts.fetch(t, "/admin/articles")
	if res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("admin Cache-Control %q", res.Header.Get("Cache-Control"))
	}
	res, _ = ts.fetch(t, "/no-such-section/no-such-story")
	if res.StatusCode != http.StatusNotFound || res.Header.Get("X-Cache") != "" {
		t.Errorf("missing page: %d, X-Cache %q", res.StatusCode, res.Header.Get("X-Cache"))
	}
}

func TestConcurrentMissesRenderOnce(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	routes := func(g *Groups) {
		g.Machine.GET("/feed/slow", func(c echo.Context) error {
			calls.Add(1)
			time.Sleep(100 * time.Millisecond)
			return c.String(http.StatusOK, "the same for everyone")
		})
	}
	ts, _ := newTestServerWith(t, serverOptions{demo: true, cacheBytes: 16 << 20, baseURL: testBaseURL, routes: routes})
	var wg sync.WaitGroup
	bodies := make([]string, 8)
	for i := range bodies {
		wg.Go(func() {
			req, _ := http.NewRequest(http.MethodGet, ts.URL+"/feed/slow", nil)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			bodies[i] = string(b)
		})
	}
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("8 simultaneous readers rendered the page %d times, want once", n)
	}
	for _, b := range bodies {
		if b != "the same for everyone" {
			t.Fatalf("a reader got %q", b)
		}
	}
}

func TestCacheFollowsCommentsClosingWithAge(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ctx := context.Background()
	st, err := ts.H.Settings.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.AutoCloseDays = 1
	if err := ts.H.Settings.Save(ctx, st); err != nil {
		t.Fatal(err)
	}
	latest, err := ts.H.Articles.Latest(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	ref := latest[0]
	at := testNow.Add(-24*time.Hour + 5*time.Minute) // comments close 5 minutes from now
	a, err := ts.H.Articles.Create(ctx, models.ArticleInput{Title: "Council votes on the night bus",
		BodyMD: "The vote.", CategoryID: ref.Category.ID, AuthorID: ref.Author.ID,
		Status: models.StatusPublished, CommentsOpen: true, PublishedAt: at})
	if err != nil {
		t.Fatal(err)
	}
	path := "/" + ref.Category.Slug + "/" + a.Slug
	if _, body := ts.fetch(t, path); !strings.Contains(body, "Leave a reply") {
		t.Fatal("the comment form is not shown on a day-old article")
	}
	ts.Clock.Set(at.Add(24 * time.Hour))
	res, _ := ts.fetch(t, path)
	wantCache(t, res, "hit")
	ts.Clock.Set(at.Add(24*time.Hour + time.Second))
	res, body := ts.fetch(t, path)
	wantCache(t, res, "miss")
	if strings.Contains(body, "Leave a reply") {
		t.Error("the comment form is still shown after comments closed")
	}
}
