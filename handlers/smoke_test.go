package handlers

import (
	"net/http"
	"strings"
	"testing"
)

func TestFrontPageServes(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	res, body := ts.get(t, "/")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	if !strings.Contains(body, "Latest posts") {
		t.Error("front page has no Latest posts")
	}
}
