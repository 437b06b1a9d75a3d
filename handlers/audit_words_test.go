package handlers

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

// TestAuditSentences: each change in the newsroom is in the audit log as
// a sentence naming who did what, and the dashboard shows recent activity
// in those words: everything for an admin, the newsroom's work for an
// editor, nothing for an author; comments waiting for those who moderate.
func TestAuditSentences(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)

	f := newArticleForm("Port council approves the new harbour wall after a long night", "", firstSection(t, ts), ed)
	f.Del("status")
	at := ts.Clock.Now().Add(3 * time.Hour).In(models.DefaultSettings().Location())
	f.Set("publish_at", at.Format("2006-01-02T15:04"))
	f.Set("action", "publish")
	createArticle(t, ts, f)

	var commentID int64
	var commenter string
	if err := ts.H.DB.R.QueryRow(`SELECT id, name FROM comments ORDER BY id LIMIT 1`).Scan(&commentID, &commenter); err != nil {
		t.Fatal(err)
	}
	ts.setCommentStatus(t, commentID, models.CommentPending)
	_, dash := ts.get(t, "/admin")
	wantBody(t, dash, "Comments waiting", "<strong>"+commenter+"</strong> on ")

	res, body := ts.postForm(t, "/admin/comments/"+strconv.FormatInt(commentID, 10)+"/status", url.Values{"status": {"approved"}})
	mustStatus(t, res, body, http.StatusSeeOther)
	res, body = ts.postForm(t, "/admin/sections", url.Values{"name": {"Harbour"}, "slug": {""}})
	mustStatus(t, res, body, http.StatusSeeOther)

	want := []string{
		ed.Name + " scheduled ‘Port council approves the new harbour…’ for " + at.Format("2 January 15:04"),
		ed.Name + " approved 1 comment (ids " + strconv.FormatInt(commentID, 10) + ")",
		ed.Name + " added the section ‘Harbour’",
	}
	_, dash = ts.get(t, "/admin")
	wantBody(t, dash, "Recent activity")
	for _, w := range want {
		wantBody(t, dash, w)
	}
	if strings.Contains(dash, "signed in") {
		t.Error("an editor's dashboard shows sign-ins")
	}

	admin := ts.signIn(t, models.RoleAdmin)
	res, body = ts.postForm(t, "/admin/logout", nil)
	mustStatus(t, res, body, http.StatusSeeOther)
	ts.useSessionOf(t, admin)
	_, log := ts.get(t, "/admin/audit")
	for _, w := range append(want, admin.Name+" signed out") {
		wantBody(t, log, w)
	}
	wantBody(t, log, "<code>article.schedule</code>", "<code>comment.approved</code>", "<code>section.create</code>")

	ts.signIn(t, models.RoleAuthor)
	_, dash = ts.get(t, "/admin")
	if strings.Contains(dash, "Recent activity") || strings.Contains(dash, "Comments waiting") {
		t.Error("an author's dashboard shows the newsroom's activity or the comment queue")
	}
}
