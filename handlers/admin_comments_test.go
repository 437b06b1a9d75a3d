package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

// pendingComment stores a comment awaiting moderation on article.
func pendingComment(t testing.TB, ts *testServer, article models.Article, name, text string) int64 {
	t.Helper()
	res, err := ts.H.DB.Exec(context.Background(), `INSERT INTO comments (article_id, name, body_html, status, created_at)
		VALUES (?, ?, ?, 'pending', ?)`, article.ID, name, "<p>"+text+"</p>", testNow.Unix())
	if err != nil {
		t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	return id
}

func TestModerationApproveShowsComment(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	a := storedArticle(t, ts, 1)
	id := pendingComment(t, ts, a, "Ada Reader", "I was there that day.")
	if _, body := ts.get(t, a.URL()); strings.Contains(body, "I was there that day.") {
		t.Fatal("pending comment already on the article")
	}
	ts.signIn(t, models.RoleEditor)
	res, body := ts.get(t, "/admin/comments")
	mustStatus(t, res, body, http.StatusOK)
	for _, want := range []string{"I was there that day.", "Ada Reader", a.Title, `Pending <span class="count">1</span>`} {
		if !strings.Contains(body, want) {
			t.Errorf("queue lacks %q", want)
		}
	}
	res, body = ts.postForm(t, "/admin/comments/"+itoa(id)+"/status", url.Values{"status": {"approved"}, "back": {"/admin/comments"}})
	mustStatus(t, res, body, http.StatusSeeOther)
	if _, body := ts.get(t, a.URL()); !strings.Contains(body, "I was there that day.") {
		t.Error("approved comment does not appear on the article")
	}
	if _, body := ts.get(t, "/admin/comments"); !strings.Contains(body, "Approved 1 comment.") || !strings.Contains(body, `Pending <span class="count">0</span>`) {
		t.Error("no flash or count after approving")
	}
}

func TestModerationBulkAndEdit(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	a := storedArticle(t, ts, 1)
	one := pendingComment(t, ts, a, "Spammer", "Buy cheap watches")
	two := pendingComment(t, ts, a, "Spammer", "Buy cheap shoes")
	ts.signIn(t, models.RoleEditor)
	res, body := ts.postForm(t, "/admin/comments/bulk", url.Values{"bulk_status": {"spam"}, "id": {itoa(one), itoa(two)}})
	mustStatus(t, res, body, http.StatusSeeOther)
	counts, _ := ts.H.Comments.CountByStatus(context.Background())
	if counts[models.CommentSpam] != 2 || counts[models.CommentPending] != 0 {
		t.Errorf("counts after bulk spam: %v", counts)
	}
	res, body = ts.postForm(t, "/admin/comments/bulk", url.Values{"bulk_status": {"bogus"}, "id": {itoa(one)}})
	mustStatus(t, res, body, http.StatusSeeOther)

	// Editing: the text is stored escaped, as a new comment's would be.
	res, body = ts.get(t, "/admin/comments/"+itoa(one)+"/edit")
	mustStatus(t, res, body, http.StatusOK)
	if !strings.Contains(body, ">Buy cheap watches</textarea>") {
		t.Error("edit form does not hold the comment's text")
	}
	res, body = ts.postForm(t, "/admin/comments/"+itoa(one)+"/edit", url.Values{"text": {"Edited <script>alert(1)</script>\n\nSecond para"}})
	mustStatus(t, res, body, http.StatusSeeOther)
	q, err := ts.H.Comments.QueuedByID(context.Background(), one)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(q.BodyHTML), "<script") || strings.Contains(string(q.BodyHTML), "alert(1)") ||
		!strings.Contains(string(q.BodyHTML), "<p>Second para</p>") {
		t.Errorf("edited comment stored as %q", q.BodyHTML)
	}
	res, body = ts.postForm(t, "/admin/comments/"+itoa(one)+"/edit", url.Values{"text": {"   "}})
	mustStatus(t, res, body, http.StatusUnprocessableEntity)

	// Trash, then empty it after a confirmation.
	res, body = ts.postForm(t, "/admin/comments/"+itoa(two)+"/status", url.Values{"status": {"trash"}})
	mustStatus(t, res, body, http.StatusSeeOther)
	res, body = ts.get(t, "/admin/comments/empty-trash")
	mustStatus(t, res, body, http.StatusOK)
	if !strings.Contains(body, "1 comment in the trash will be deleted") {
		t.Error("confirmation does not say what will be deleted")
	}
	res, body = ts.postForm(t, "/admin/comments/empty-trash", nil)
	mustStatus(t, res, body, http.StatusSeeOther)
	if _, err := ts.H.Comments.QueuedByID(context.Background(), two); err != models.ErrNotFound {
		t.Errorf("trashed comment after emptying: %v", err)
	}
}
