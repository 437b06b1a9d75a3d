package handlers

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

// TestCoAuthors: an editor adds a co-author; both bylines show on the
// article, each author page lists it, the feed and JSON-LD name both, the
// co-author may edit it, and the change is a revision.
func TestCoAuthors(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)
	lead := ts.addUser(t, models.RoleAuthor)
	co := ts.addUser(t, models.RoleAuthor)
	form := newArticleForm("Tide gauges read high along the estuary", "published", firstSection(t, ts), lead)
	form["coauthors"] = []string{strconv.FormatInt(co.ID, 10), ""}
	a := createArticle(t, ts, form)
	if got := a.BylineNames(); got != lead.Name+" and "+co.Name {
		t.Fatalf("bylines stored as %q", got)
	}
	res, body := ts.get(t, a.URL())
	mustStatus(t, res, body, http.StatusOK)
	wantBody(t, body, `By <a class="author" rel="author" href="/author/`+lead.Slug+`">`+lead.Name+`</a> and <a class="author" rel="author" href="/author/`+co.Slug+`">`+co.Name+`</a>`,
		`"name":"`+co.Name+`"`)
	for _, u := range []models.User{lead, co} {
		_, body = ts.get(t, u.URL())
		wantBody(t, body, "Tide gauges read high")
	}
	_, body = ts.get(t, "/feed/atom")
	if strings.Count(body, "<name>"+co.Name+"</name>") != 1 || !strings.Contains(body, "<name>"+lead.Name+"</name>") {
		t.Error("the Atom feed does not name both authors")
	}
	_, body = ts.get(t, "/sitemaps/sections.xml")
	wantBody(t, body, "/author/"+co.Slug+"</loc>")

	// The co-author, an author, opens and saves it back to a draft's words.
	ts.useSessionOf(t, co)
	res, body = ts.get(t, articleAdminPath(a))
	mustStatus(t, res, body, http.StatusOK)
	unpub := storedArticle(t, ts, a.ID)
	ts.useSessionOf(t, ed)
	if _, err := ts.H.Articles.Unpublish(t.Context(), []int64{a.ID}, models.Editor{ID: ed.ID, Note: "unpublished"}); err != nil {
		t.Fatal(err)
	}
	ts.useSessionOf(t, co)
	unpub = storedArticle(t, ts, a.ID)
	f := editForm(t, ts, unpub)
	f.Set("title", "Tide gauges read higher along the estuary")
	f.Set("status", "review")
	f["author_id"] = []string{strconv.FormatInt(co.ID, 10)} // ignored: authors do not change bylines
	res, body = ts.postForm(t, articleAdminPath(a), f)
	mustStatus(t, res, body, http.StatusSeeOther)
	if got := storedArticle(t, ts, a.ID); got.BylineNames() != lead.Name+" and "+co.Name || got.Title != "Tide gauges read higher along the estuary" {
		t.Errorf("after the co-author's save: %q by %q", got.Title, got.BylineNames())
	}

	// Dropping the co-author is a revision that says so.
	ts.useSessionOf(t, ed)
	f = editForm(t, ts, storedArticle(t, ts, a.ID))
	f["coauthors"] = []string{""}
	res, body = ts.postForm(t, articleAdminPath(a), f)
	mustStatus(t, res, body, http.StatusSeeOther)
	revs, err := ts.H.Articles.Revisions(t.Context(), a.ID)
	if err != nil || len(revs) < 2 {
		t.Fatalf("revisions: %v %d", err, len(revs))
	}
	if revs[0].Bylines() != lead.Name || revs[1].Bylines() != lead.Name+" and "+co.Name {
		t.Errorf("revisions name %q then %q", revs[1].Bylines(), revs[0].Bylines())
	}
	ts.useSessionOf(t, co)
	res, _ = ts.get(t, articleAdminPath(a))
	wantStatus(t, res, http.StatusForbidden)
}

// TestDemoCoWritten: the demo has an article with two bylines.
func TestDemoCoWritten(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	_, body := ts.get(t, "/author/samuel-chen")
	wantBody(t, body, "Redmere prepares for early mayoral vote")
}
