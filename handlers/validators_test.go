package handlers

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

// If-Modified-Since is honoured only without If-None-Match, and never
// answers 304 for a page that changed within the last second: a second
// cannot tell two versions apart.
func TestIfModifiedSinceWithoutIfNoneMatch(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateAll) // its settings change is the last write, at testNow
	res, _ := ts.fetch(t, seedURL)
	lastMod := res.Header.Get("Last-Modified")
	if _, err := http.ParseTime(lastMod); err != nil {
		t.Fatalf("Last-Modified %q: %v", lastMod, err)
	}
	status := func(headers ...string) int {
		t.Helper()
		res, _ := ts.getWith(t, http.MethodGet, seedURL, headers...)
		return res.StatusCode
	}
	if got := status("If-Modified-Since", lastMod); got != http.StatusOK {
		t.Errorf("changed this very second: %d, want 200", got)
	}
	ts.Clock.Set(testNow.Add(2 * time.Second))
	if got := status("If-Modified-Since", lastMod); got != http.StatusNotModified {
		t.Errorf("unchanged since Last-Modified: %d, want 304", got)
	}
	if got := status("If-Modified-Since", lastMod, "If-None-Match", `"another-version"`); got != http.StatusOK {
		t.Errorf("a stale If-None-Match beside a fresh If-Modified-Since: %d, want 200", got)
	}
	earlier := testNow.Add(-time.Hour).Format(http.TimeFormat)
	if got := status("If-Modified-Since", earlier); got != http.StatusOK {
		t.Errorf("If-Modified-Since before the last change: %d, want 200", got)
	}
	if got := status("If-Modified-Since", "not a date"); got != http.StatusOK {
		t.Errorf("If-Modified-Since that is no date: %d, want 200", got)
	}

	// A comment approved at T: the article's Last-Modified moves to T, and
	// If-Modified-Since: T is answered 200 within that second, 304 after.
	approvedAt := testNow.Add(10 * time.Second)
	ts.Clock.Set(approvedAt)
	ts.postForm(t, seedURL+"/comments", commentForm("Worth a second look.", "Rita"))
	ts.setCommentStatus(t, ts.lastComment(t).ID, models.CommentApproved)
	res, _ = ts.fetch(t, seedURL)
	changed := res.Header.Get("Last-Modified")
	if changed != approvedAt.UTC().Format(http.TimeFormat) {
		t.Errorf("after the approval Last-Modified is %q, want %q", changed, approvedAt.UTC().Format(http.TimeFormat))
	}
	if got := status("If-Modified-Since", lastMod); got != http.StatusOK {
		t.Errorf("If-Modified-Since before the approval: %d, want 200", got)
	}
	if got := status("If-Modified-Since", changed); got != http.StatusOK {
		t.Errorf("changed within the last second: %d, want 200", got)
	}
	ts.Clock.Set(approvedAt.Add(2 * time.Second))
	if got := status("If-Modified-Since", changed); got != http.StatusNotModified {
		t.Errorf("unchanged since the approval: %d, want 304", got)
	}
}

// Only the known variants of a reader page are kept: ?page=N as the site
// writes it, ?comment= for the two notices. Any other query is answered,
// never stored, so junk cannot fill or flush the cache.
func TestJunkQueriesAreAnsweredNotKept(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ctx := context.Background()
	cat, err := ts.H.Categories.Create(ctx, models.CategoryInput{Name: "Markets Desk"})
	if err != nil {
		t.Fatal(err)
	}
	latest, err := ts.H.Articles.Latest(ctx, 1)
	if err != nil || len(latest) == 0 {
		t.Fatal(err)
	}
	for i := range 12 { // two pages
		if _, err := ts.H.Articles.Create(ctx, models.ArticleInput{Title: "Market story " + string(rune('A'+i)), BodyMD: "x",
			CategoryID: cat.ID, AuthorID: latest[0].Author.ID, Status: models.StatusPublished,
			PublishedAt: testNow.Add(-time.Duration(i+1) * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	pc := ts.H.Site.Cache.PageCache
	for _, path := range []string{
		seedURL + "?comment=junk", seedURL + "?comment=Published", seedURL + "?comment=published&x=1",
		seedURL + "?comment=published&comment=pending", seedURL + "?utm_source=feed",
		"/category/markets-desk?page=02", "/category/markets-desk?page=%2B2", "/category/markets-desk?page=1",
		"/category/markets-desk?page=2&page=2", "/category/markets-desk?page=3", "/category/markets-desk?page=abc",
	} {
		before := pc.Len()
		for range 2 {
			res, _ := ts.fetch(t, path)
			if res.StatusCode >= 500 || res.Header.Get("X-Cache") == "hit" {
				t.Errorf("%s: %d, X-Cache %q; want an answer made afresh", path, res.StatusCode, res.Header.Get("X-Cache"))
			}
		}
		if pc.Len() != before {
			t.Errorf("%s was kept: the cache went from %d to %d pages", path, before, pc.Len())
		}
	}
	for _, path := range []string{seedURL + "?comment=published", seedURL + "?comment=pending", "/category/markets-desk?page=2"} {
		ts.fetch(t, path)
		res, _ := ts.fetch(t, path)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", path, res.StatusCode)
		}
		wantCache(t, res, "hit")
	}
}
