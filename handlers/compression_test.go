package handlers

import (
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"
)

// gunzip decompresses a gzip body.
func gunzip(t *testing.T, body string) string {
	t.Helper()
	zr, err := gzip.NewReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Answers outside the page cache are gzipped too: search, error pages,
// the corrections list and the style sheet, each keeping its status.
func TestGzipBeyondTheCachedPages(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	css, err := ts.H.Site.Reader.Assets.URL("css/site.css")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path   string
		status int
		shows  string
	}{
		{"/search?q=kremlin", http.StatusOK, "Kremlin"},
		{"/corrections", http.StatusOK, "</html>"},
		{"/no-such-section/no-such-story", http.StatusNotFound, "Page not found"},
		{"/no/such/page/here", http.StatusNotFound, "Page not found"},
		{css, http.StatusOK, "{"},
	} {
		_, plain := ts.fetch(t, tc.path)
		res, zipped := ts.getWith(t, http.MethodGet, tc.path, "Accept-Encoding", "gzip")
		if res.StatusCode != tc.status || res.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: %d, Content-Encoding %q; want %d gzipped", tc.path, res.StatusCode, res.Header.Get("Content-Encoding"), tc.status)
			continue
		}
		if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("%s: Vary %q lacks Accept-Encoding", tc.path, res.Header.Get("Vary"))
		}
		got := gunzip(t, zipped)
		if !strings.Contains(got, tc.shows) || len(zipped) >= len(plain) {
			t.Errorf("%s: gzip body of %d bytes (plain %d) does not show %q", tc.path, len(zipped), len(plain), tc.shows)
		}
		if res, _ := ts.getWith(t, http.MethodGet, tc.path, "Accept-Encoding", "gzip;q=0"); res.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s: gzip;q=0 got %q", tc.path, res.Header.Get("Content-Encoding"))
		}
	}
}

// Each answer outside the page cache says how long it may be kept.
func TestCacheControlOfEachAnswer(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	for path, want := range map[string]string{
		"/search?q=kremlin":              "public, max-age=60",
		"/search?q=x&page=abc":           "no-store",
		"/corrections":                   "public, max-age=60",
		"/no-such-section/no-such-story": "public, max-age=60",
		"/category/world-news?page=abc":  "no-store",
		"/admin/no-such-page":            "no-store",
	} {
		res, _ := ts.fetch(t, path)
		if got := res.Header.Get("Cache-Control"); got != want {
			t.Errorf("%s (%d): Cache-Control %q, want %q", path, res.StatusCode, got, want)
		}
	}
}
