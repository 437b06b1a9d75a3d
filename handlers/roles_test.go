package handlers

import (
	"net/http"
	"net/url"
	"sort"
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

	"GET /admin/settings":            accessAdmin,
	"POST /admin/settings":           accessAdmin,
	"GET /admin/people":              accessAdmin,
	"POST /admin/people":             accessAdmin,
	"POST /admin/people/:id/role":    accessAdmin,
	"POST /admin/people/:id/disable": accessAdmin,
	"POST /admin/people/:id/enable":  accessAdmin,
	"GET /admin/audit":               accessAdmin,
	"GET /admin/backup":              accessAdmin,
	"POST /admin/backup":             accessAdmin,
}

func allowed(access, role string) bool {
	switch access {
	case accessPublic, accessAny:
		return true
	case accessEditor:
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
		target := fillParams(path, "/x/y")
		target = strings.ReplaceAll(target, "/1/", "/999999/")
		if strings.HasSuffix(target, "/1") {
			target = strings.TrimSuffix(target, "/1") + "/999999"
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

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}
