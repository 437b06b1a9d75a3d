package handlers

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

func TestOneRedirectToTheCanonicalAddress(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	for _, tt := range []struct{ path, to string }{
		{"/category/world-news/", "/category/world-news"},
		{"/category/world-news/?page=2", "/category/world-news?page=2"},
		{seedURL + "/", seedURL},
		{"/tag/diplomacy//", "/tag/diplomacy"},
		{"//category/world-news/", "/category/world-news"},
		{"/category/world-news?page=abc", "/category/world-news"},
		{"/category/world-news?page=-1", "/category/world-news"},
		{"/tag/diplomacy?page=99999999999999999999", "/tag/diplomacy"},
		{"/corrections?page=x", "/corrections"},
	} {
		res, _ := ts.get(t, tt.path)
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != tt.to {
			t.Errorf("GET %s: %d to %q, want 301 to %q", tt.path, res.StatusCode, res.Header.Get("Location"), tt.to)
		}
	}
	// Whatever the slashes, an answer never leads off the site.
	for _, path := range []string{"//evil.example/", `/\evil.example/x/`, "///evil.example//", "/%2F%2Fevil.example/"} {
		res, _ := ts.get(t, path)
		if loc := res.Header.Get("Location"); loc != "" && (!strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\")) {
			t.Errorf("GET %s: redirected to %q, off the site", path, loc)
		}
	}
	if res, _ := ts.get(t, "/category/world-news"); res.StatusCode != http.StatusOK {
		t.Errorf("canonical section address: %d", res.StatusCode)
	}
}

func TestOldAddressTableIsConsultedFirst(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ctx := context.Background()
	seed, err := ts.H.Articles.PublishedBySlug(ctx, "kim-jong-un-to-visit-russia-in-coming-days-confirms-kremlin")
	if err != nil {
		t.Fatal(err)
	}
	if err := ts.H.OldAddresses.Put(ctx, []models.OldAddress{{Path: "/2024/06/23/kim-jong-un/", Kind: models.OldArticle, TargetID: seed.ID}}); err != nil {
		t.Fatal(err)
	}
	res, _ := ts.get(t, "/2024/06/23/kim-jong-un/")
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != seedURL {
		t.Errorf("old address: %d to %q, want one 301 to %s", res.StatusCode, res.Header.Get("Location"), seedURL)
	}
	res, _ = ts.get(t, "/category/world-news/")
	if res.Header.Get("Location") != "/category/world-news" {
		t.Errorf("address not in the table: to %q", res.Header.Get("Location"))
	}
}

func TestTrailingSlashOnAnAddressThatNeverWasIsA404(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	for _, path := range []string{"/no-such-post/", "/a/b/c/d/"} {
		if res, _ := ts.get(t, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, res.StatusCode)
		}
	}
}
