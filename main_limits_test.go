package main

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// The real server refuses a request whose headers pass the maximum size
// with 431, and goes on serving.
func TestOversizedHeadersRefused(t *testing.T) {
	addr, stop := startSite(t, "--db", filepath.Join(t.TempDir(), "news.db"), "--no-demo")
	defer stop()
	req, _ := http.NewRequest(http.MethodGet, addr+"/", nil)
	req.Header.Set("Cookie", "x="+strings.Repeat("a", 200<<10))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("200 KB of headers: %d, want 431", res.StatusCode)
	}
	res, err = http.Get(addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("front page afterwards: %d", res.StatusCode)
	}
}
