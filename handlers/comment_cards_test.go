package handlers

import (
	"context"
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

// An article's card is rendered once and kept; a new headline shows on
// the lists at once, never the kept card. The article is the section's
// second, as the first card of a list is its own partial.
func TestCardShowsNewHeadline(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	first := storedArticle(t, ts, 1)
	list, err := ts.H.Articles.LatestInCategory(context.Background(), first.Category.ID, 2)
	if err != nil || len(list) < 2 {
		t.Fatalf("the section has fewer than two articles: %v", err)
	}
	a := list[1]
	if _, body := ts.get(t, a.Category.URL()); !strings.Contains(body, `">`+a.Title+`</a></h2>`) {
		t.Fatal("the section does not list the article")
	}
	retitle(t, ts, a.ID, "A corrected headline")
	_, body := ts.get(t, a.Category.URL())
	if !strings.Contains(body, `">A corrected headline</a></h2>`) || strings.Contains(body, `">`+a.Title+`</a></h2>`) {
		t.Error("the section's card does not show the new headline")
	}
}

// retitle gives article id a new headline through the newsroom's save,
// everything else kept.
func retitle(t *testing.T, ts *testServer, id int64, title string) {
	t.Helper()
	ctx := context.Background()
	a, err := ts.H.Articles.ByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	in := models.ArticleInput{Title: title, Slug: a.Slug, Summary: a.Summary, BodyMD: a.BodyMD,
		CategoryID: a.Category.ID, AuthorID: a.Author.ID, Status: a.Status, CommentsOpen: a.CommentsOpen,
		Featured: a.Featured, PublishedAt: a.PublishedAt, Tags: tagNames(t, ts, a.ID)}
	if _, err := ts.H.Articles.UpdateEdited(ctx, a.ID, a.Version, in, models.Editor{Note: "edited"}); err != nil {
		t.Fatal(err)
	}
}

// A commenter's own held comment is kept with its "Awaiting moderation"
// marker on their confirmation page; once approved, the article shows the
// same comment without the marker and with its Reply link.
func TestApprovedCommentLosesPendingMarker(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateAll)
	res, _ := ts.postForm(t, commentsURL, commentForm("Held for a moment.", "Ada Reader"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d, want 303", res.StatusCode)
	}
	c := ts.lastComment(t)
	anchor := "#comment-" + itoa(c.ID)
	_, page := ts.get(t, strings.TrimSuffix(res.Header.Get("Location"), anchor))
	if !strings.Contains(section(t, page, `id="comments"`, "</section>"), "Awaiting moderation") {
		t.Fatal("the confirmation page does not mark the comment as awaiting moderation")
	}
	if _, err := ts.H.Comments.SetStatus(context.Background(), []int64{c.ID}, models.CommentApproved); err != nil {
		t.Fatal(err)
	}
	_, page = ts.get(t, seedURL)
	comments := section(t, page, `id="comments"`, "</section>")
	if !strings.Contains(comments, "Held for a moment.") || strings.Contains(comments, "Awaiting moderation") ||
		!strings.Contains(comments, "?reply="+itoa(c.ID)) {
		t.Error("the approved comment is not shown as approved on the article")
	}
}
