package handlers

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// An approved comment's card is rendered once and kept; editing the
// comment shows the new text on the article, never the kept one.
func TestEditedCommentShowsOnArticle(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	a := storedArticle(t, ts, 1)
	id := pendingComment(t, ts, a, "Ada Reader", "First thoughts.")
	ts.signIn(t, models.RoleEditor)
	res, body := ts.postForm(t, "/admin/comments/"+itoa(id)+"/status", url.Values{"status": {"approved"}})
	mustStatus(t, res, body, http.StatusSeeOther)
	if _, body := ts.get(t, a.URL()); !strings.Contains(body, "First thoughts.") {
		t.Fatal("approved comment not on the article")
	}
	res, body = ts.postForm(t, "/admin/comments/"+itoa(id)+"/edit", url.Values{"text": {"Second thoughts."}})
	mustStatus(t, res, body, http.StatusSeeOther)
	_, body = ts.get(t, a.URL())
	if !strings.Contains(body, "Second thoughts.") || strings.Contains(body, "First thoughts.") {
		t.Error("the article does not show the edited comment")
	}
	if _, body := ts.get(t, a.URL()+"?reply="+itoa(id)); !strings.Contains(body, "Second thoughts.") {
		t.Error("a second variant of the page does not show the edited comment")
	}
}

// An article's card is rendered once and kept; a new comment count shows
// on the lists at once.
func TestCardShowsNewCommentCount(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	a := storedArticle(t, ts, 1)
	count := func(n int) string { return `<span class="count">` + views.Plural(n, "comment", "comments") + `</span>` }
	if _, body := ts.get(t, a.Category.URL()); !strings.Contains(body, count(a.CommentCount)) {
		t.Fatalf("the section does not show the article's %d comments", a.CommentCount)
	}
	id := pendingComment(t, ts, a, "Ada Reader", "First thoughts.")
	ts.signIn(t, models.RoleEditor)
	res, body := ts.postForm(t, "/admin/comments/"+itoa(id)+"/status", url.Values{"status": {"approved"}})
	mustStatus(t, res, body, http.StatusSeeOther)
	if _, body := ts.get(t, a.Category.URL()); !strings.Contains(body, count(a.CommentCount+1)) {
		t.Error("the section's card does not count the new comment")
	}
}
