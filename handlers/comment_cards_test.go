package handlers

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
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
