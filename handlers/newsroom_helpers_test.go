package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/newsroom/news/handlers/newsroom"
	"github.com/newsroom/news/models"
)

// firstSection returns the demo site's first section.
func firstSection(t testing.TB, ts *testServer) models.Category {
	t.Helper()
	all, err := ts.H.Categories.All(context.Background())
	if err != nil || len(all) < 2 {
		t.Fatalf("sections: %v, %d", err, len(all))
	}
	return all[0]
}

// newArticleForm is the editor's form for an article by author in section.
func newArticleForm(title, status string, section models.Category, author models.User) url.Values {
	return url.Values{
		"title": {title}, "summary": {"A summary."}, "body": {"First paragraph.\n\nSecond paragraph."},
		"category_id": {strconv.FormatInt(section.ID, 10)}, "author_id": {strconv.FormatInt(author.ID, 10)},
		"tags": {"Testing, Newsroom"}, "source": {"Agencies"}, "comments_open": {"on"}, "status": {status},
		"action": {"save"},
	}
}

// mustStatus fails unless res has status want.
func mustStatus(t testing.TB, res *http.Response, body string, want int) {
	t.Helper()
	if res.StatusCode != want {
		if len(body) > 1500 {
			body = body[:1500]
		}
		t.Fatalf("%s %s: status %d, want %d\n%s", res.Request.Method, res.Request.URL.Path, res.StatusCode, want, body)
	}
}

// createArticle saves form as a new article and returns it as stored.
func createArticle(t testing.TB, ts *testServer, form url.Values) models.Article {
	t.Helper()
	res, body := ts.postForm(t, "/admin/articles", form)
	mustStatus(t, res, body, http.StatusSeeOther)
	loc := res.Header.Get("Location")
	id, err := strconv.ParseInt(strings.TrimPrefix(loc, "/admin/articles/"), 10, 64)
	if err != nil {
		t.Fatalf("location %q", loc)
	}
	ts.get(t, loc) // follow, as a browser would, which shows the flash

	return storedArticle(t, ts, id)
}

func storedArticle(t testing.TB, ts *testServer, id int64) models.Article {
	t.Helper()
	a, err := ts.H.Articles.ByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// editForm is the editor's form for a stored article, as the edit page fills it.
func editForm(t testing.TB, ts *testServer, a models.Article) url.Values {
	t.Helper()
	tags, err := ts.H.Tags.ForArticle(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	f := newsroom.NewArticleForm(a, tags, ts.Clock.Now(), models.DefaultSettings().Location())
	return url.Values{"title": {f.Title}, "slug": {f.Slug}, "summary": {f.Summary}, "body": {f.Body},
		"category_id": {f.CategoryID}, "author_id": {f.AuthorID}, "tags": {f.Tags}, "source": {f.Source},
		"featured": {f.Featured}, "comments_open": {f.CommentsOpen}, "status": {f.Status},
		"publish_at": {f.PublishAt}, "version": {f.Version}, "action": {"save"}}
}

func articleAdminPath(a models.Article) string {
	return "/admin/articles/" + strconv.FormatInt(a.ID, 10)
}
