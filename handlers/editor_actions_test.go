package handlers

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

// TestEditorActions: each button does what it says, and the top of the
// editor says what readers see.
func TestEditorActions(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)
	f := newArticleForm("Ferry timetable changes for winter", "", firstSection(t, ts), ed)
	f.Del("status")
	f.Set("action", "draft")
	a := createArticle(t, ts, f)
	if a.Status != models.StatusDraft {
		t.Fatalf("Save draft stored %s", a.Status)
	}
	_, body := ts.get(t, articleAdminPath(a))
	wantBody(t, body, "Draft. Readers see nothing", ">Save draft<", ">Publish<")

	// A future time: the button reads Schedule, and pressing it schedules.
	at := ts.Clock.Now().Add(3 * time.Hour).In(models.DefaultSettings().Location()).Format("2006-01-02T15:04")
	f = editForm(t, ts, a)
	f.Del("status")
	f.Set("publish_at", at)
	f.Set("action", "publish")
	res, body := ts.postForm(t, articleAdminPath(a), f)
	mustStatus(t, res, body, http.StatusSeeOther)
	a = storedArticle(t, ts, a.ID)
	if a.State(ts.Clock.Now()) != models.StatusScheduled {
		t.Fatalf("Schedule stored %s", a.State(ts.Clock.Now()))
	}
	_, body = ts.get(t, articleAdminPath(a))
	wantBody(t, body, "Scheduled. Readers see it from", ">Update<", ">Unschedule<")
	acts := ts.auditActions(t)
	if len(acts) == 0 || !strings.HasPrefix(acts[0], "article.schedule ") {
		t.Errorf("audit log after scheduling: %v", acts)
	}

	f = editForm(t, ts, a)
	f.Del("status")
	f.Set("publish_at", "")
	f.Set("action", "update")
	res, body = ts.postForm(t, articleAdminPath(a), f)
	mustStatus(t, res, body, http.StatusSeeOther)
	if a = storedArticle(t, ts, a.ID); !a.Live(ts.Clock.Now()) {
		t.Fatal("Update with the time cleared did not publish now")
	}
	_, body = ts.get(t, articleAdminPath(a))
	wantBody(t, body, "Readers see it now", ">Unpublish<")

	f = editForm(t, ts, a)
	f.Del("status")
	f.Set("action", "unpublish")
	res, body = ts.postForm(t, articleAdminPath(a), f)
	mustStatus(t, res, body, http.StatusSeeOther)
	if a = storedArticle(t, ts, a.ID); a.Status != models.StatusDraft {
		t.Fatalf("Unpublish stored %s", a.Status)
	}

	// An author sees Submit for review, and it submits.
	au := ts.signIn(t, models.RoleAuthor)
	_, body = ts.get(t, "/admin/articles/new")
	wantBody(t, body, ">Submit for review<")
	f = newArticleForm("Library opens on Sundays", "", firstSection(t, ts), au)
	f.Del("status")
	f.Set("action", "review")
	if a = createArticle(t, ts, f); a.Status != models.StatusReview {
		t.Fatalf("Submit for review stored %s", a.Status)
	}
	f.Set("action", "publish")
	res, _ = ts.postForm(t, "/admin/articles", f)
	wantStatus(t, res, http.StatusForbidden)
}
