package handlers

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

// TestSitePages: an editor writes a page; a slug the site uses is refused
// with a message; the page is live at /<slug> and in the footer in the
// order chosen; a draft is not.
func TestSitePages(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	for _, p := range []string{"/about", "/contact", "/privacy", "/staff"} {
		res, body := ts.get(t, p)
		mustStatus(t, res, body, http.StatusOK)
	}
	_, body := ts.get(t, "/")
	if a, s := strings.Index(body, `href="/about"`), strings.Index(body, `href="/staff"`); a < 0 || s < a {
		t.Fatal("the footer does not list About before Staff")
	}

	ts.signIn(t, models.RoleEditor)
	for _, slug := range []string{"search", "admin", "feed", "live", "sitemaps", "category"} {
		res, body := ts.postForm(t, "/admin/pages", url.Values{"title": {"Anything"}, "slug": {slug}, "body": {"Kept text"}, "action": {"publish"}})
		mustStatus(t, res, body, http.StatusUnprocessableEntity)
		wantBody(t, body, "is one of the site&#39;s own addresses", "Kept text")
	}
	res, body := ts.postForm(t, "/admin/pages", url.Values{"title": {"Advertise with us"}, "body": {"Call **us**."}, "action": {"publish"}})
	mustStatus(t, res, body, http.StatusSeeOther)
	edit := res.Header.Get("Location")
	res, body = ts.get(t, "/advertise-with-us")
	mustStatus(t, res, body, http.StatusOK)
	wantBody(t, body, "<strong>us</strong>")

	// Up once puts it before Staff in the footer.
	res, _ = ts.postForm(t, edit+"/move", url.Values{"dir": {"up"}})
	wantStatus(t, res, http.StatusSeeOther)
	_, body = ts.get(t, "/")
	if ad, st := strings.Index(body, `href="/advertise-with-us"`), strings.Index(body, `href="/staff"`); ad < 0 || ad > st {
		t.Error("moving the page up did not put it before Staff")
	}

	_, body = ts.get(t, edit)
	f := url.Values{"title": {"Advertise with us"}, "slug": {"advertise-with-us"}, "body": {"Gone."}, "action": {"draft"},
		"version": {between(body, `name="version" value="`, `"`)}}
	res, body = ts.postForm(t, edit, f)
	mustStatus(t, res, body, http.StatusSeeOther)
	res, _ = ts.get(t, "/advertise-with-us")
	wantStatus(t, res, http.StatusNotFound)
	_, body = ts.get(t, edit)
	wantBody(t, body, "Revision 2", "Revision 1")

	ts.signIn(t, models.RoleAuthor)
	res, _ = ts.get(t, "/admin/pages")
	wantStatus(t, res, http.StatusForbidden)
}
