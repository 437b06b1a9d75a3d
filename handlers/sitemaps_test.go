package handlers

import (
	"encoding/xml"
	"net/http"
	"strings"
	"testing"
	"time"
)

type urlsetCheck struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		News    *struct {
			Name     string `xml:"publication>name"`
			Language string `xml:"publication>language"`
			Date     string `xml:"publication_date"`
			Title    string `xml:"title"`
		} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
	} `xml:"url"`
}

func TestSitemaps(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	seedDiscovery(t, ts)
	for _, tt := range []struct{ path, golden string }{
		{"/sitemap.xml", "sitemap-index.xml"},
		{"/sitemaps/sections.xml", "sitemap-sections.xml"},
		{"/sitemaps/articles/1.xml", "sitemap-articles-1.xml"},
		{"/news-sitemap.xml", "news-sitemap.xml"},
		{"/robots.txt", "robots.txt"},
	} {
		res, body := ts.get(t, tt.path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", tt.path, res.StatusCode)
		}
		golden(t, tt.golden, body)
	}

	_, body := ts.get(t, "/sitemap.xml")
	var idx struct {
		XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
		Sitemaps []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal([]byte(body), &idx); err != nil || len(idx.Sitemaps) != 2 {
		t.Fatalf("sitemap index: %v, %+v", err, idx)
	}
	for _, s := range idx.Sitemaps {
		if _, err := time.Parse(time.RFC3339, s.LastMod); err != nil || !strings.HasPrefix(s.Loc, testBaseURL+"/sitemaps/") {
			t.Errorf("sitemap index entry %+v", s)
		}
	}

	_, body = ts.get(t, "/sitemaps/articles/1.xml")
	var arts urlsetCheck
	if err := xml.Unmarshal([]byte(body), &arts); err != nil {
		t.Fatal(err)
	}
	if len(arts.URLs) != 3 {
		t.Errorf("article sitemap lists %d articles, want the 3 live ones", len(arts.URLs))
	}

	// Google News: the last 48 hours only, so not the match of 72 hours ago.
	_, body = ts.get(t, "/news-sitemap.xml")
	var news urlsetCheck
	if err := xml.Unmarshal([]byte(body), &news); err != nil {
		t.Fatal(err)
	}
	if len(news.URLs) != 2 {
		t.Fatalf("news sitemap lists %d articles, want 2", len(news.URLs))
	}
	for _, u := range news.URLs {
		if u.News == nil || u.News.Name != "The Daily Ledger" || u.News.Language != "en" || u.News.Title == "" {
			t.Errorf("news entry %+v", u)
		}
	}
	ts.Clock.Set(testNow.Add(72 * time.Hour))
	_, body = ts.get(t, "/news-sitemap.xml")
	news = urlsetCheck{}
	if err := xml.Unmarshal([]byte(body), &news); err != nil || len(news.URLs) != 1 {
		t.Errorf("news sitemap two days later: %v, %d entries, want only the article scheduled then", err, len(news.URLs))
	}

	for _, path := range []string{"/sitemaps/articles/2.xml", "/sitemaps/articles/0.xml", "/sitemaps/articles/01.xml",
		"/sitemaps/articles/x.xml", "/sitemaps/articles/1", "/sitemaps/articles/99999999999999999999.xml"} {
		if res, _ := ts.get(t, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
	}
}

// The page cache must not keep the news sitemap past the moment its oldest
// article leaves the 48-hour window, even with nothing written meanwhile.
func TestNewsSitemapAgesOutOfTheCache(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	seedDiscovery(t, ts)
	count := func() int {
		_, body := ts.get(t, "/news-sitemap.xml")
		return strings.Count(body, "<url>")
	}
	// At 01:00 the page is cached until midnight at the latest, and at
	// least until the scheduled article goes live at 12:00.
	ts.Clock.Set(testNow.Add(13 * time.Hour))
	if n := count(); n != 2 {
		t.Fatalf("%d articles, want 2", n)
	}
	// The Q&A article was published 30 hours before testNow.
	ts.Clock.Set(testNow.Add(19 * time.Hour))
	if n := count(); n != 1 {
		t.Errorf("19 hours later: %d articles, want 1", n)
	}
}
