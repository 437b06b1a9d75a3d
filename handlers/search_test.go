package handlers

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/handlers/reader"
	"github.com/newsroom/news/models"
)

func TestSearchPage(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	seedDiscovery(t, ts)
	tests := []struct {
		q, page  string
		want     []string
		wantNot  []string
		resCount int
	}{
		{q: "harbour", resCount: 2, want: []string{
			`Results for “harbour”`, `<mark>harbour</mark>`, `href="/world-news/harbour-summit-ends-with-a-deal"`,
			`<a href="/category/sports">Sports</a>`, `name="robots" content="noindex, follow"`,
			`<link rel="canonical" href="https://news.example.com/search?q=harbour">`, `value="harbour"`,
		}, wantNot: []string{"Harbour secret draft", "Harbour festival"}},
		{q: "HARBOURS", resCount: 2},
		{q: "Bo Quill", resCount: 2},
		{q: "diplomacy", resCount: 1},
		{q: "script", resCount: 1, want: []string{"&lt;<mark>script</mark>&gt;"}, wantNot: []string{"<script>alert"}},
		{q: "zebra crossing", resCount: 0, want: []string{"No articles match “zebra crossing”", "Check the spelling", `href="/category/world-news"`}},
		{q: "", resCount: 0, want: []string{"Search the archive", "Type words"}, wantNot: []string{"No articles match"}},
		{q: "🎉 *", resCount: 0, want: []string{"has no words we can search for"}},
		{q: "the AND of", resCount: 0, want: []string{"has no words we can search for"}},
		{q: "harbour", page: "2", resCount: 0, want: []string{"no more results", `<link rel="canonical" href="https://news.example.com/search?q=harbour&amp;page=2">`}},
		{q: `<script>alert(1)</script>`, resCount: 1, want: []string{"&lt;script&gt;alert(1)&lt;/script&gt;"}},
	}
	resultRe := regexp.MustCompile(`<li class="search-result">`)
	for _, tt := range tests {
		path := "/search?q=" + url.QueryEscape(tt.q)
		if tt.page != "" {
			path += "&page=" + tt.page
		}
		res, body := ts.get(t, path)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", path, res.StatusCode)
			continue
		}
		if n := len(resultRe.FindAllString(body, -1)); n != tt.resCount {
			t.Errorf("%s: %d results, want %d", path, n, tt.resCount)
		}
		main := body[strings.Index(body, `<main`):]
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: page lacks %q", path, w)
			}
		}
		for _, w := range tt.wantNot {
			if strings.Contains(main, w) {
				t.Errorf("%s: page has %q", path, w)
			}
		}
	}
	if res, _ := ts.get(t, "/search?q=x&page=abc"); res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "/search?q=x" {
		t.Errorf("bad page number: status %d to %q, want 301 to the first page", res.StatusCode, res.Header.Get("Location"))
	}
}

func TestSearchPagination(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	arts := seedDiscovery(t, ts)
	store := ts.H.Articles
	for i := range 12 {
		_, err := store.Create(context.Background(), models.ArticleInput{
			Title: fmt.Sprintf("Lighthouse report %d", i), BodyMD: "The lighthouse keeper reports.",
			CategoryID: arts["summit"].ID, AuthorID: 1, Status: models.StatusPublished,
			PublishedAt: testNow.Add(-time.Duration(i+1) * time.Hour),
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	_, body := ts.get(t, "/search?q=lighthouse")
	if n := strings.Count(body, `<li class="search-result">`); n != 10 {
		t.Errorf("page 1 shows %d results, want 10", n)
	}
	if !strings.Contains(body, `<a rel="next" href="/search?q=lighthouse&amp;page=2">`) || strings.Contains(body, `rel="prev"`) {
		t.Error("page 1 pager wrong")
	}
	_, body = ts.get(t, "/search?q=lighthouse&page=2")
	if n := strings.Count(body, `<li class="search-result">`); n != 2 {
		t.Errorf("page 2 shows %d results, want 2", n)
	}
	if !strings.Contains(body, `<a rel="prev" href="/search?q=lighthouse">`) || strings.Contains(body, `rel="next"`) ||
		!strings.Contains(body, `<ol class="search-results" start="11">`) {
		t.Error("page 2 pager or numbering wrong")
	}
}

func TestSearchHostileQueriesOverHTTP(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	seedDiscovery(t, ts)
	queries := []string{
		`"`, `"harbour`, `*`, `harbour*`, `AND`, `harbour AND OR NOT`, `NEAR(harbour deal, 1)`, `(((`, `)`,
		`-harbour`, `harbour-deal`, `title:harbour`, `{title}:x`, `^x`, `🎉🔥`, `😀harbour😀`, "a\x00b", "\xff\xfe",
		`%`, `\"`, `'; DROP TABLE articles; --`, strings.Repeat("harbour ", 300), strings.Repeat("é", 2000),
		strings.Repeat(`"*(`, 700), strings.Repeat("x", 5000),
	}
	for _, q := range queries {
		res, body := ts.get(t, "/search?q="+url.QueryEscape(q))
		if res.StatusCode != http.StatusOK {
			t.Errorf("query %.30q: status %d", q, res.StatusCode)
		}
		if !strings.Contains(body, `class="search-page-form"`) {
			t.Errorf("query %.30q: no search form", q)
		}
	}
	// The articles are still there.
	if _, body := ts.get(t, "/search?q=harbour"); strings.Count(body, `<li class="search-result">`) != 2 {
		t.Error("articles lost")
	}
}

func TestMastheadSearchBox(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	for _, path := range []string{"/", "/category/world-news", "/search?q=kim"} {
		_, body := ts.get(t, path)
		if !strings.Contains(body, `<form class="search-box" role="search" aria-label="Site search" action="/search" method="get">`) {
			t.Errorf("%s has no search box", path)
		}
	}
	// The demo's first article is found by its subject.
	_, body := ts.get(t, "/search?q=kim+jong+un")
	if !strings.Contains(body, "/world-news/kim-jong-un-to-visit-russia") {
		t.Error("demo article not found")
	}
}

// Pages render from their zero values, so a template mistake fails here and
// not in front of a reader.
func TestDiscoveryPagesRenderFromZero(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	for _, p := range []kit.Page{reader.SearchPage{}, reader.SearchPage{Query: "x", Searched: true}, reader.ArticlePage{}, reader.HomePage{}} {
		var sb strings.Builder
		if err := ts.H.Views.Render(&sb, p); err != nil {
			t.Errorf("%T: %v", p, err)
		}
	}
}
