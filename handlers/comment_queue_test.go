package handlers

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

// TestCommentQueueReplies: the queue shows the comment a reply answers
// and its article; a moderator's reply is published at once with a staff
// badge and approves what it answers; Select all ticks every comment; a
// ticked set is approved with one button.
func TestCommentQueueReplies(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateAll)
	res, body := ts.postForm(t, seedURL+"/comments", commentForm("The harbour wall was needed years ago.", "Olga Bay"))
	mustStatus(t, res, body, http.StatusSeeOther)
	parent := ts.lastComment(t)
	ts.setCommentStatus(t, parent.ID, models.CommentApproved)
	res, body = ts.postForm(t, seedURL+"/comments", commentForm("Years? Decades, more like.", "Piet Ruys", "parent", itoa(parent.ID)))
	mustStatus(t, res, body, http.StatusSeeOther)
	reply := ts.lastComment(t)

	ed := ts.signIn(t, models.RoleEditor)
	_, body = ts.get(t, "/admin/comments?status=pending")
	wantBody(t, body, "In reply to <strong>Olga Bay</strong>", "The harbour wall was needed years ago.", `href="`+seedURL+`"`,
		"Select all on this page", `value="approved">Approve</button>`, "Reply as staff")
	_, body = ts.get(t, "/admin/comments?status=pending&select=all")
	if !strings.Contains(body, `value="`+itoa(reply.ID)+`" aria-label="Select the comment by Piet Ruys" checked`) {
		t.Error("Select all does not tick the comments")
	}

	res, body = ts.postForm(t, "/admin/comments/"+itoa(reply.ID)+"/reply", url.Values{"reply": {"  "}, "back": {"/admin/comments?status=pending"}})
	mustStatus(t, res, body, http.StatusSeeOther)
	_, body = ts.get(t, "/admin/comments?status=pending")
	wantBody(t, body, "was not posted: Write the reply first.")

	res, body = ts.postForm(t, "/admin/comments/"+itoa(reply.ID)+"/reply",
		url.Values{"reply": {"Thank you both; the council answers on Monday."}, "back": {"/admin/comments?status=pending"}})
	mustStatus(t, res, body, http.StatusSeeOther)
	wantRedirect(t, res, "/admin/comments?status=pending")
	all := ts.H.DB
	var status string
	if err := all.R.QueryRow(`SELECT status FROM comments WHERE id = ?`, reply.ID).Scan(&status); err != nil || status != models.CommentApproved {
		t.Errorf("the comment answered is %q (%v), want approved", status, err)
	}
	_, body = ts.get(t, seedURL)
	wantBody(t, body, ed.Name+`</span> <span class="staff-badge">Staff</span>`, "Thank you both; the council answers on Monday.")

	// One click approves the ticked comments.
	res, body = ts.postForm(t, seedURL+"/comments", commentForm("A third view on the wall.", "Ria Moss"))
	mustStatus(t, res, body, http.StatusSeeOther)
	third := ts.lastComment(t)
	res, body = ts.postForm(t, "/admin/comments/bulk", url.Values{"id": {itoa(third.ID)}, "bulk_status": {"approved"}, "back": {"/admin/comments"}})
	mustStatus(t, res, body, http.StatusSeeOther)
	if err := all.R.QueryRow(`SELECT status FROM comments WHERE id = ?`, third.ID).Scan(&status); err != nil || status != models.CommentApproved {
		t.Errorf("bulk approve left %q (%v)", status, err)
	}
}
