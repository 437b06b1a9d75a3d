package handlers

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

// Who may use an admin route.
const (
	accessPublic = "public" // signed out too: sign-in, setup
	accessAny    = "any"    // every signed-in role
	accessEditor = "editor" // editors and admins
	accessAdmin  = "admin"  // admins only
	// accessOwn: every signed-in role, but an author only on their own
	// article; the walk uses another writer's published article, so an
	// author is refused.
	accessOwn = "own"
)

// roleTable says who may use each admin route, by "METHOD path" as
// registered with the router. A route that is not here fails the walk:
// whoever adds a route decides who may use it, here.
var roleTable = map[string]string{
	"GET /admin/login":             accessPublic,
	"POST /admin/login":            accessPublic,
	"GET /admin/setup":             accessPublic,
	"POST /admin/setup":            accessPublic,
	"GET /admin":                   accessAny,
	"GET /admin/":                  accessAny,
	"POST /admin/logout":           accessAny,
	"GET /admin/profile":           accessAny,
	"POST /admin/profile":          accessAny,
	"POST /admin/profile/password": accessAny,

	"GET /admin/articles":                             accessAny,
	"GET /admin/articles/new":                         accessAny,
	"POST /admin/articles":                            accessAny,
	"POST /admin/articles/bulk":                       accessAny,
	"GET /admin/articles/:id":                         accessOwn,
	"POST /admin/articles/:id":                        accessOwn,
	"GET /admin/articles/:id/trash":                   accessOwn,
	"POST /admin/articles/:id/trash":                  accessOwn,
	"POST /admin/articles/:id/restore":                accessOwn,
	"GET /admin/articles/:id/revisions":               accessOwn,
	"GET /admin/articles/:id/revisions/compare":       accessOwn,
	"POST /admin/articles/:id/revisions/:rev/restore": accessOwn,
	"GET /admin/articles/:id/live":                    accessOwn,
	"POST /admin/articles/:id/live/start":             accessOwn,
	"POST /admin/articles/:id/live/end":               accessOwn,
	"POST /admin/articles/:id/live/entries":           accessOwn,
	// An entry's author or an editor; the handler checks which.
	"GET /admin/live/entries/:id":         accessAny,
	"POST /admin/live/entries/:id":        accessAny,
	"POST /admin/live/entries/:id/remove": accessAny,
	"POST /admin/live/entries/:id/pin":    accessEditor,
	"POST /admin/banner":                  accessEditor,
	"POST /admin/banner/lower":            accessEditor,

	"GET /admin/articles/empty-trash":      accessEditor,
	"POST /admin/articles/empty-trash":     accessEditor,
	"GET /admin/articles/:id/delete":       accessEditor,
	"POST /admin/articles/:id/delete":      accessEditor,
	"POST /admin/articles/:id/corrections": accessEditor,
	"GET /admin/comments":                  accessEditor,
	"POST /admin/comments/bulk":            accessEditor,
	"GET /admin/comments/empty-trash":      accessEditor,
	"POST /admin/comments/empty-trash":     accessEditor,
	"POST /admin/comments/:id/status":      accessEditor,
	"GET /admin/comments/:id/edit":         accessEditor,
	"POST /admin/comments/:id/edit":        accessEditor,
	"GET /admin/sections":                  accessEditor,
	"POST /admin/sections":                 accessEditor,
	"POST /admin/sections/:id":             accessEditor,
	"POST /admin/sections/:id/move":        accessEditor,
	"GET /admin/sections/:id/delete":       accessEditor,
	"POST /admin/sections/:id/delete":      accessEditor,
	"GET /admin/tags":                      accessEditor,
	"GET /admin/tags/:id":                  accessEditor,
	"POST /admin/tags/:id":                 accessEditor,
	"POST /admin/tags/:id/merge":           accessEditor,
	"GET /admin/tags/:id/delete":           accessEditor,
	"POST /admin/tags/:id/delete":          accessEditor,

	"GET /admin/media":             accessAny,
	"GET /admin/media/pick":        accessAny,
	"POST /admin/media":            accessAny,
	"POST /admin/media/lead":       accessAny,
	"GET /admin/media/:id":         accessAny,
	"POST /admin/media/:id":        accessAny,
	"POST /admin/media/:id/delete": accessEditor,

	"GET /admin/settings":             accessAdmin,
	"POST /admin/settings":            accessAdmin,
	"GET /admin/people":               accessAdmin,
	"POST /admin/people":              accessAdmin,
	"POST /admin/people/:id/role":     accessAdmin,
	"POST /admin/people/:id/disable":  accessAdmin,
	"POST /admin/people/:id/enable":   accessAdmin,
	"POST /admin/people/:id/password": accessAdmin,
	"GET /admin/audit":                accessAdmin,
	"GET /admin/backup":               accessAdmin,
	"POST /admin/backup":              accessAdmin,
}

func allowed(access, role string) bool {
	switch access {
	case accessPublic, accessAny:
		return true
	case accessEditor, accessOwn:
		return role == models.RoleEditor || role == models.RoleAdmin
	case accessAdmin:
		return role == models.RoleAdmin
	}
	return false
}

// adminRoutes returns the admin routes the router holds, "METHOD path".
func adminRoutes(ts *testServer) []string {
	seen := map[string]bool{}
	for _, r := range echoOf(ts).Routes() {
		if !realMethods[r.Method] {
			continue // Echo's own not-found routes of a group
		}
		if r.Path == "/admin" || strings.HasPrefix(r.Path, "/admin/") {
			seen[r.Method+" "+r.Path] = true
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Every admin route, walked signed out and as each role, answers as the
// role table says: signed out, a redirect to the sign-in page (for a form
// as much as a page); a role without access, 403; a role with access,
// anything but those (and never a 5xx).
func TestAdminRoutesFollowRoleTable(t *testing.T) {
	t.Parallel()
	ts, _ := newTestServerWith(t, serverOptions{demo: true})
	users := map[string]models.User{}
	for _, role := range []string{models.RoleAuthor, models.RoleEditor, models.RoleAdmin} {
		users[role] = ts.addUser(t, role)
	}
	latest, err := ts.H.Articles.Latest(context.Background(), 1)
	if err != nil || len(latest) == 0 {
		t.Fatal("no demo article", err)
	}
	others := latest[0] // written by a demo author, published
	routes := adminRoutes(ts)
	if len(routes) < len(roleTable) {
		t.Errorf("router has %d admin routes, the table %d: a route is gone or renamed", len(routes), len(roleTable))
	}
	for _, rt := range routes {
		access, ok := roleTable[rt]
		if !ok {
			t.Errorf("admin route %q is not in the role table (roles_test.go): say who may use it", rt)
			continue
		}
		method, path, _ := strings.Cut(rt, " ")
		target := adminTarget(path, "999999")
		if access == accessOwn {
			target = adminTarget(path, strconv.FormatInt(others.ID, 10))
		}
		send := func() (*http.Response, string) {
			req, _ := http.NewRequest(method, ts.URL+target, strings.NewReader(url.Values{}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			return ts.do(t, req)
		}

		ts.Client.Jar.SetCookies(mustURL(ts.URL+"/admin"), []*http.Cookie{{Name: sessionName, Value: "", MaxAge: -1, Path: "/admin"}})
		res, _ := send()
		if access != accessPublic {
			if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/admin/login") {
				t.Errorf("%s signed out: %d %q, want 303 to /admin/login", rt, res.StatusCode, res.Header.Get("Location"))
			}
		}
		for role, u := range users {
			ts.useSessionOf(t, u)
			res, _ := send()
			toLogin := res.StatusCode == http.StatusSeeOther && strings.HasPrefix(res.Header.Get("Location"), "/admin/login")
			switch {
			case res.StatusCode >= 500:
				t.Errorf("%s as %s: %d", rt, role, res.StatusCode)
			case !allowed(access, role) && res.StatusCode != http.StatusForbidden:
				t.Errorf("%s as %s: %d, want 403", rt, role, res.StatusCode)
			case allowed(access, role) && res.StatusCode == http.StatusForbidden:
				t.Errorf("%s as %s: 403, want access", rt, role)
			case allowed(access, role) && toLogin && rt != "POST /admin/logout" && access != accessPublic:
				t.Errorf("%s as %s: sent to sign in", rt, role)
			}
		}
	}
}

// A cross-site POST to any state-changing route is refused with 403 before
// it does anything, even with an admin's session.
func TestCrossSitePostsRefusedEverywhere(t *testing.T) {
	t.Parallel()
	ts, _ := newTestServerWith(t, serverOptions{demo: true})
	article := firstArticlePath(t, ts)
	ts.signIn(t, models.RoleAdmin)
	n := 0
	for _, r := range echoOf(ts).Routes() {
		switch r.Method {
		case http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete:
		default:
			continue
		}
		n++
		form := url.Values{"comment": {"cross-site"}, "name": {"Eve"}, "site_name": {"Owned"}, "email": {"eve@evil.example"}}
		req, _ := http.NewRequest(r.Method, ts.URL+fillParams(r.Path, article), strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", "https://evil.example")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		if res, _ := ts.do(t, req); res.StatusCode != http.StatusForbidden {
			t.Errorf("cross-site %s %s: %d, want 403", r.Method, r.Path, res.StatusCode)
		}
	}
	if n < len(roleTable)/2 {
		t.Fatalf("only %d state-changing routes found", n)
	}
	if _, page := ts.get(t, "/"); strings.Contains(page, "Owned") {
		t.Error("a cross-site post changed the site")
	}
}

// realMethods are the HTTP methods; the router also lists Echo's own
// not-found handlers under a made-up one.
var realMethods = map[string]bool{http.MethodGet: true, http.MethodHead: true, http.MethodPost: true,
	http.MethodPut: true, http.MethodPatch: true, http.MethodDelete: true, http.MethodOptions: true}

// adminTarget fills an admin route's parameters: :id with id, any other
// with 1.
func adminTarget(path, id string) string {
	var out []string
	for _, seg := range strings.Split(path, "/") {
		switch {
		case seg == ":id":
			seg = id
		case strings.HasPrefix(seg, ":"):
			seg = "1"
		}
		out = append(out, seg)
	}
	return strings.Join(out, "/")
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

// An author works on their own articles (open, revisions, trash) but may
// not publish; an editor may.
func TestAuthorOwnArticlesAndPublishing(t *testing.T) {
	t.Parallel()
	ts, _ := newTestServerWith(t, serverOptions{demo: true})
	secs, err := ts.H.Categories.All(context.Background())
	if err != nil || len(secs) == 0 {
		t.Fatal("no sections", err)
	}
	draft := func(status string) url.Values {
		return url.Values{"title": {"Harbour works begin " + status}, "summary": {"A summary."},
			"body": {"The harbour works began on Monday."}, "category_id": {strconv.FormatInt(secs[0].ID, 10)},
			"status": {status}, "comments_open": {"on"}}
	}
	author := ts.addUser(t, models.RoleAuthor)
	ts.useSessionOf(t, author)
	res, body := ts.postForm(t, "/admin/articles", draft(models.StatusPublished))
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("author publishing: %d, want 403", res.StatusCode)
	}
	res, body = ts.postForm(t, "/admin/articles", draft(models.StatusDraft))
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/articles/") {
		t.Fatalf("author saving a draft: %d %q\n%s", res.StatusCode, loc, body)
	}
	id := strings.TrimPrefix(loc, "/admin/articles/")
	for rt, access := range roleTable {
		method, path, _ := strings.Cut(rt, " ")
		if access != accessOwn || method != http.MethodGet {
			continue
		}
		// The compare page answers 400 without the two revisions to compare.
		if res, _ := ts.get(t, adminTarget(path, id)); res.StatusCode != http.StatusOK && res.StatusCode != http.StatusBadRequest {
			t.Errorf("%s on the author's own article: %d, want 200", rt, res.StatusCode)
		}
	}
	ed := ts.addUser(t, models.RoleEditor)
	ts.useSessionOf(t, ed)
	form := draft(models.StatusPublished)
	form.Set("author_id", strconv.FormatInt(ed.ID, 10))
	if res, body := ts.postForm(t, "/admin/articles", form); res.StatusCode != http.StatusSeeOther {
		t.Errorf("editor publishing: %d, want 303\n%s", res.StatusCode, between(body, `class="form-error"`, "</p>"))
	}
}
