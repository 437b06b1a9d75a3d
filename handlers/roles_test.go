package handlers

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/newsroom/news/handlers/newsroom"
	"github.com/newsroom/news/models"
)

// onOthersWork reports whether a newsroom route changes (or opens for
// changing) one article or picture: the walk sends it another author's,
// which only those allowed newsroom.OthersWork may change. Viewing a
// picture's page (GET /admin/media/:id) is open to every role.
func onOthersWork(method, path string) bool {
	switch {
	case path == "/admin/media/pick", path == "/admin/media/lead":
		return true
	case strings.HasPrefix(path, "/admin/articles/:id"):
		return true
	case path == "/admin/media/:id":
		return method == http.MethodPost
	}
	return false
}

// newsroomRoute is one route of the sign-in or newsroom group.
type newsroomRoute struct {
	method, path string
	public       bool // signed out too: sign-in, setup
	action       newsroom.Action
}

// newsroomRoutesOf returns the sign-in and newsroom routes the router
// holds, with the action each one's group says it needs.
func newsroomRoutesOf(ts *testServer) []newsroomRoute {
	seen := map[string]newsroomRoute{}
	for _, r := range echoOf(ts).Routes() {
		if !realMethods[r.Method] {
			continue // Echo's own not-found routes
		}
		nr := newsroomRoute{method: r.Method, path: r.Path, public: r.Name == GroupSignIn}
		if a, ok := RouteAction(r); ok {
			nr.action = a
		} else if !nr.public {
			continue
		}
		seen[r.Method+" "+r.Path] = nr
	}
	out := make([]newsroomRoute, 0, len(seen))
	for _, r := range seen {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].method+out[i].path < out[j].method+out[j].path })
	return out
}

// Every newsroom route, walked signed out and as each role, answers as the
// permission table (newsroom.Permissions) says for the action it names:
// signed out, a redirect to the sign-in page (for a form as much as a
// page); a role without the action, 403; a role with it, anything but
// those (and never a 5xx). Routes that change one article or picture are
// walked on another author's, so an author is refused those too.
func TestAdminRoutesFollowRoleTable(t *testing.T) {
	t.Parallel()
	ts, _ := newTestServerWith(t, serverOptions{demo: true})
	users := map[string]models.User{}
	for _, role := range []string{models.RoleAuthor, models.RoleEditor, models.RoleAdmin} {
		users[role] = ts.addUser(t, role)
	}
	latest, err := ts.H.Articles.Latest(context.Background(), 2)
	if err != nil || len(latest) < 2 {
		t.Fatal("no demo articles", err)
	}
	// Written by demo authors, published; the article routes may trash the
	// first (and an editor empty the trash), so the media routes use the second.
	others, leadOf := latest[0], latest[1]
	picture := ts.addImage(t, testJPEG(t, 200, 100), "Someone else's picture")
	routes := newsroomRoutesOf(ts)
	if len(routes) < 60 {
		t.Errorf("router has %d newsroom routes: a route is gone from its group", len(routes))
	}
	for _, rt := range routes {
		name := rt.method + " " + rt.path
		if !rt.public && !slices.Contains(newsroom.Permissions[models.RoleAdmin], rt.action) {
			t.Errorf("%s needs %q, which no role has", name, rt.action)
		}
		target, form := adminTarget(rt.path, "999999"), url.Values{}
		onOthers := !rt.public && onOthersWork(rt.method, rt.path)
		if onOthers {
			id := others.ID
			if strings.HasPrefix(rt.path, "/admin/media/") {
				id = picture.ID
			}
			target = adminTarget(rt.path, itoa(id))
			form = url.Values{"article": {itoa(leadOf.ID)}, "media": {"0"}}
			if rt.method == http.MethodGet {
				target += "?article=" + itoa(leadOf.ID)
			}
		}
		send := func() (*http.Response, string) {
			req, _ := http.NewRequest(rt.method, ts.URL+target, strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			return ts.do(t, req)
		}

		ts.Client.Jar.SetCookies(mustURL(ts.URL+"/admin"), []*http.Cookie{{Name: newsroom.SessionCookie, Value: "", MaxAge: -1, Path: "/admin"}})
		res, _ := send()
		if !rt.public {
			if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/admin/login") {
				t.Errorf("%s signed out: %d %q, want 303 to /admin/login", name, res.StatusCode, res.Header.Get("Location"))
			}
		}
		for role, u := range users {
			ts.useSessionOf(t, u)
			res, _ := send()
			allowed := rt.public || newsroom.May(u, rt.action) && (!onOthers || newsroom.May(u, newsroom.OthersWork))
			toLogin := res.StatusCode == http.StatusSeeOther && strings.HasPrefix(res.Header.Get("Location"), "/admin/login")
			switch {
			case res.StatusCode >= 500:
				t.Errorf("%s as %s: %d", name, role, res.StatusCode)
			case !allowed && res.StatusCode != http.StatusForbidden:
				t.Errorf("%s as %s: %d, want 403", name, role, res.StatusCode)
			case allowed && res.StatusCode == http.StatusForbidden:
				t.Errorf("%s as %s: 403, want access", name, role)
			case allowed && toLogin && name != "POST /admin/logout" && !rt.public:
				t.Errorf("%s as %s: sent to sign in", name, role)
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
	if n < 35 {
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
	for _, rt := range newsroomRoutesOf(ts) {
		if rt.method != http.MethodGet || !strings.HasPrefix(rt.path, "/admin/articles/:id") || !newsroom.May(author, rt.action) {
			continue
		}
		// The compare page answers 400 without the two revisions to compare.
		if res, _ := ts.get(t, adminTarget(rt.path, id)); res.StatusCode != http.StatusOK && res.StatusCode != http.StatusBadRequest {
			t.Errorf("GET %s on the author's own article: %d, want 200", rt.path, res.StatusCode)
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
