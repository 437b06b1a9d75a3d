package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestRolesOnNewsroomPages(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	clients := map[string]*testServer{}
	for _, role := range []string{"admin", "editor", "author"} {
		c := ts.otherClient(t, "")
		c.signIn(t, role)
		clients[role] = c
	}
	tests := []struct {
		method, path string
		allowed      []string
	}{
		{"GET", "/admin", []string{"admin", "editor", "author"}},
		{"GET", "/admin/profile", []string{"admin", "editor", "author"}},
		{"GET", "/admin/settings", []string{"admin"}},
		{"POST", "/admin/settings", []string{"admin"}},
		{"GET", "/admin/people", []string{"admin"}},
		{"POST", "/admin/people", []string{"admin"}},
		{"POST", "/admin/people/1/role", []string{"admin"}},
		{"POST", "/admin/people/1/disable", []string{"admin"}},
		{"POST", "/admin/people/1/password", []string{"admin"}},
		{"GET", "/admin/audit", []string{"admin"}},
	}
	for _, tt := range tests {
		for role, c := range clients {
			var res *http.Response
			var body string
			if tt.method == "GET" {
				res, body = c.get(t, tt.path)
			} else {
				res, body = c.postForm(t, tt.path, url.Values{"site_name": {"Taken over"}, "role": {"admin"}})
			}
			allowed := strings.Contains(strings.Join(tt.allowed, ","), role)
			if allowed && res.StatusCode == http.StatusForbidden {
				t.Errorf("%s %s as %s: 403", tt.method, tt.path, role)
			}
			if !allowed {
				if res.StatusCode != http.StatusForbidden {
					t.Errorf("%s %s as %s: %d, want 403", tt.method, tt.path, role, res.StatusCode)
				}
				wantBody(t, body, "Your role doesn't allow this.")
			}
		}
	}
	st, err := ts.H.Settings.Get(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.SiteName == "Taken over" {
		t.Error("a refused request changed the settings")
	}
	// The menu shows each role what it may use.
	_, body := clients["author"].get(t, "/admin")
	for _, hidden := range []string{`href="/admin/settings"`, `href="/admin/people"`, `href="/admin/audit"`, `href="/admin/comments"`} {
		if strings.Contains(body, hidden) {
			t.Errorf("an author's menu has %s", hidden)
		}
	}
	wantBody(t, body, `href="/admin/articles"`)
	_, body = clients["admin"].get(t, "/admin")
	wantBody(t, body, `href="/admin/settings"`, `href="/admin/people"`, `href="/admin/audit"`, `href="/admin/comments"`, "Recent activity")
}

func TestCrossSiteAdminPostsAreRefused(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ts.signIn(t, "admin")
	form := url.Values{"site_name": {"Owned"}, "time_zone": {"UTC"}, "moderation_mode": {"all"}}
	for name, h := range map[string]map[string]string{
		"origin":     {"Origin": "https://evil.example"},
		"fetch-site": {"Sec-Fetch-Site": "cross-site"},
		"both":       {"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
	} {
		for _, path := range []string{"/admin/settings", "/admin/logout", "/admin/people", "/admin/login"} {
			res, body := ts.postWith(t, path, form, h)
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("%s %s: status %d, want 403", name, path, res.StatusCode)
			}
			wantBody(t, body, "sent from another site")
		}
	}
	st, _ := ts.H.Settings.Get(context.Background())
	if st.SiteName == "Owned" {
		t.Fatal("a cross-site POST changed the settings")
	}
	// The same form from the site itself goes through.
	res, _ := ts.postWith(t, "/admin/settings", form, map[string]string{"Origin": ts.URL, "Sec-Fetch-Site": "same-origin"})
	wantRedirect(t, res, "/admin/settings")
	// The session survived the refused sign-out.
	res, _ = ts.get(t, "/admin")
	wantStatus(t, res, http.StatusOK)
}
