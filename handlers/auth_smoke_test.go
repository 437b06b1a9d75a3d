package handlers

import (
	"net/http"
	"strings"
	"testing"
)

func TestSignInHelperOpensDashboard(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	u := ts.signIn(t, "editor")
	res, body := ts.get(t, "/admin")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{u.Name, "Sign out", "Articles", "Comments", "published"} {
		if !strings.Contains(body, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	if strings.Contains(body, `href="/admin/settings"`) {
		t.Error("an editor's menu shows Settings")
	}
	if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q", cc)
	}
}
