package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

func TestAuthorPermissions(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	au := ts.signIn(t, models.RoleAuthor)
	sec := firstSection(t, ts)
	others := storedArticle(t, ts, 1) // a demo article by someone else

	// Authors write under their own name and submit for review.
	f := newArticleForm("My first report", "review", sec, models.User{ID: others.Author.ID})
	own := createArticle(t, ts, f)
	if own.Author.ID != au.ID || own.Status != models.StatusReview {
		t.Fatalf("author's article saved by %d as %s", own.Author.ID, own.Status)
	}

	o := itoa(others.ID)
	tests := []struct {
		method, path string
		form         url.Values
	}{
		{"GET", "/admin/articles/" + o, nil},
		{"POST", "/admin/articles/" + o, editForm(t, ts, others)},
		{"GET", "/admin/articles/" + o + "/revisions", nil},
		{"GET", "/admin/articles/" + o + "/trash", nil},
		{"POST", "/admin/articles/" + o + "/trash", nil},
		{"POST", "/admin/articles/" + o + "/corrections", url.Values{"note": {"x"}}},
		{"POST", "/admin/articles/bulk", url.Values{"action": {"trash"}, "id": {o}, "confirm": {"yes"}}},
		{"POST", "/admin/articles/bulk", url.Values{"action": {"publish"}, "id": {itoa(own.ID)}}},
		{"POST", "/admin/articles/bulk", url.Values{"action": {"unpublish"}, "id": {o}}},
		{"POST", "/admin/articles", newArticleForm("Sneaky", "published", sec, au)},
		{"POST", "/admin/articles", newArticleForm("Sneaky", "scheduled", sec, au)},
		{"POST", articleAdminPath(own), func() url.Values { v := editForm(t, ts, own); v.Set("status", "published"); return v }()},
		{"GET", "/admin/articles/empty-trash", nil},
		{"POST", "/admin/articles/empty-trash", nil},
		{"GET", "/admin/comments", nil},
		{"POST", "/admin/comments/1/status", url.Values{"status": {"spam"}}},
		{"POST", "/admin/comments/bulk", url.Values{"bulk_status": {"trash"}, "id": {"1"}}},
		{"GET", "/admin/comments/1/edit", nil},
		{"GET", "/admin/sections", nil},
		{"POST", "/admin/sections", url.Values{"name": {"Opinion"}}},
		{"POST", "/admin/sections/1/delete", url.Values{"move_to": {"2"}}},
		{"GET", "/admin/tags", nil},
		{"POST", "/admin/tags/1/delete", nil},
	}
	for _, tt := range tests {
		var res *http.Response
		var body string
		if tt.method == "GET" {
			res, body = ts.get(t, tt.path)
		} else {
			res, body = ts.postForm(t, tt.path, tt.form)
		}
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("author %s %s: %d, want 403", tt.method, tt.path, res.StatusCode)
		} else if !strings.Contains(body, "Not allowed") {
			t.Errorf("author %s %s: 403 without the error page", tt.method, tt.path)
		}
	}
	if a := storedArticle(t, ts, others.ID); a.Status != models.StatusPublished || a.Version != others.Version {
		t.Error("an author's refused request changed another's article")
	}
	if a := storedArticle(t, ts, own.ID); a.Status != models.StatusReview {
		t.Errorf("author published their own article: %s", a.Status)
	}

	// The list shows only their own work.
	_, body := ts.get(t, "/admin/articles")
	if !strings.Contains(body, "My first report") || strings.Contains(body, others.Title) {
		t.Error("author's list shows others' articles or lacks their own")
	}
	// Their own draft they may edit and trash (after confirming).
	v := editForm(t, ts, own)
	v.Set("title", "My first report, revised")
	res, body := ts.postForm(t, articleAdminPath(own), v)
	mustStatus(t, res, body, http.StatusSeeOther)
	res, body = ts.postForm(t, articleAdminPath(own)+"/trash", nil)
	mustStatus(t, res, body, http.StatusSeeOther)

	// Once an editor publishes it, the author can no longer change it.
	mine := createArticle(t, ts, newArticleForm("Second report", "draft", sec, au))
	if n, err := ts.H.Articles.Publish(context.Background(), []int64{mine.ID}, models.Editor{Note: "published"}); n != 1 || err != nil {
		t.Fatalf("publish: %d, %v", n, err)
	}
	res, body = ts.postForm(t, articleAdminPath(mine), editForm(t, ts, storedArticle(t, ts, mine.ID)))
	mustStatus(t, res, body, http.StatusForbidden)
}

func TestEditorPermissions(t *testing.T) {
	t.Parallel()
	for _, role := range []string{models.RoleEditor, models.RoleAdmin} {
		ts := newTestServer(t, true)
		ts.signIn(t, role)
		for _, path := range []string{"/admin/articles/1", "/admin/comments", "/admin/sections", "/admin/tags", "/admin/articles/empty-trash"} {
			res, body := ts.get(t, path)
			mustStatus(t, res, body, http.StatusOK)
		}
		res, body := ts.postForm(t, "/admin/articles/bulk", url.Values{"action": {"unpublish"}, "id": {"1"}})
		mustStatus(t, res, body, http.StatusSeeOther)
		if a := storedArticle(t, ts, 1); a.Status != models.StatusDraft {
			t.Errorf("%s could not unpublish: %s", role, a.Status)
		}
	}
}
