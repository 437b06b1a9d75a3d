package handlers

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

// The live article's page, without any script, shows every entry newest
// first with its absolute time in the site's zone and a permalink, the key
// events first, a LiveBlogPosting for search engines and the LIVE label,
// as do the lists; the seed article links to it; the news sitemap lists
// it; ending the coverage takes the label off and keeps the entries.
func TestLivePageShowsEveryEntry(t *testing.T) {
	t.Parallel()
	ts, _ := newTestServerWith(t, serverOptions{demo: true, cacheBytes: 16 << 20})
	ts.setSettings(t, func(s *models.Settings) { s.TimeZone = "Asia/Vladivostok" })
	ctx := context.Background()
	a := liveArticle(t, ts)
	entries, err := ts.H.Live.Entries(ctx, a.ID)
	if err != nil || len(entries) < 2 {
		t.Fatalf("entries: %d, %v", len(entries), err)
	}
	res, page := ts.get(t, a.URL())
	if res.StatusCode != http.StatusOK {
		t.Fatalf("live article: %d", res.StatusCode)
	}
	last := -1
	for _, e := range entries {
		i := strings.Index(page, `id="entry-`+strconv.FormatInt(e.ID, 10)+`"`)
		if i < 0 || i < last {
			t.Errorf("entry %d missing or out of order (newest first)", e.ID)
		}
		last = i
		stamp := `<time datetime="` + e.CreatedAt.In(mustZone(t, "Asia/Vladivostok")).Format(time.RFC3339) + `"`
		// html/template writes the offset's "+" as &#43;, which browsers read as "+".
		if !strings.Contains(page, strings.ReplaceAll(stamp, "+", "&#43;")) || !strings.HasSuffix(stamp, `+10:00"`) {
			t.Errorf("entry %d: no %s", e.ID, stamp)
		}
	}
	for _, want := range []string{`class="live-label"`, `<h3 id="key-events-title">Key events</h3>`, `"@type":"LiveBlogPosting"`,
		`"coverageStartTime"`, `"liveBlogUpdate"`, `href="#entry-`, `data-stream="/live/` + strconv.FormatInt(a.ID, 10) + `/events"`,
		`aria-live="polite"`, `/js/live.js"`} {
		if !strings.Contains(page, want) {
			t.Errorf("live page lacks %s", want)
		}
	}
	if strings.Contains(page, "minutes ago") {
		t.Error("the cached page holds a relative time")
	}
	if k, e := strings.Index(page, "Key events"), strings.Index(page, `class="live-entries"`); k > e {
		t.Error("key events are not above the entries")
	}
	for _, p := range []string{"/", "/category/world-news"} {
		if _, body := ts.get(t, p); !strings.Contains(body, `class="live-label"`) {
			t.Errorf("%s does not label the live article", p)
		}
	}
	_, seed := ts.get(t, "/world-news/kim-jong-un-to-visit-russia-in-coming-days-confirms-kremlin")
	if !strings.Contains(seed, `href="`+a.URL()+`"`) || !strings.Contains(seed, "Follow the live coverage") {
		t.Error("the seed article does not link to the live coverage")
	}
	if _, sm := ts.get(t, "/news-sitemap.xml"); !strings.Contains(sm, a.URL()+"</loc>") {
		t.Error("the news sitemap does not list the live article")
	}
	if err := ts.H.Live.EndCoverage(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	_, page = ts.get(t, a.URL())
	if strings.Contains(page, `class="live-label"`) || !strings.Contains(page, `id="entry-`+strconv.FormatInt(entries[0].ID, 10)+`"`) ||
		!strings.Contains(page, `"coverageEndTime"`) || strings.Contains(page, "/js/live.js") {
		t.Error("after the end: want no label, no script, the entries kept and coverageEndTime")
	}
	if _, body := ts.get(t, "/"); strings.Contains(body, `class="live-label"`) {
		t.Error("the front page still labels the article live")
	}
}

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
