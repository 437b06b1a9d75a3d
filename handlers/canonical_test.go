package handlers

import (
	"context"
	"net/http"
	"testing"
)

func TestOneRedirectToTheCanonicalAddress(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	for _, tt := range []struct{ path, to string }{
		{"/category/world-news/", "/category/world-news"},
		{"/category/world-news/?page=2", "/category/world-news?page=2"},
		{seedURL + "/", seedURL},
		{"/tag/diplomacy//", "/tag/diplomacy"},
		{"//evil.example/", "/evil.example"},
		{`/\evil.example/`, "/%5Cevil.example"},
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
	if res, _ := ts.get(t, "/category/world-news"); res.StatusCode != http.StatusOK {
		t.Errorf("canonical section address: %d", res.StatusCode)
	}
}

func TestOldAddressTableIsConsultedFirst(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ts.H.OldAddress = func(_ context.Context, path string) (string, bool, error) {
		if path == "/2024/06/23/kim-jong-un/" {
			return seedURL, true, nil
		}
		return "", false, nil
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
