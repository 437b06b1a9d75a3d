package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

func TestBulkPublishAndTrashWithConfirmation(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)
	sec := firstSection(t, ts)
	a := createArticle(t, ts, newArticleForm("Ferry timetable changes", "draft", sec, ed))
	b := createArticle(t, ts, newArticleForm("Stadium roof repaired", "review", sec, ed))
	ids := url.Values{"id": {itoa(a.ID), itoa(b.ID)}}

	form := url.Values{"action": {"publish"}, "id": ids["id"]}
	res, body := ts.postForm(t, "/admin/articles/bulk", form)
	mustStatus(t, res, body, http.StatusSeeOther)
	for _, x := range []models.Article{a, b} {
		if res, _ := ts.get(t, x.URL()); res.StatusCode != http.StatusOK {
			t.Errorf("%s after bulk publish: %d", x.URL(), res.StatusCode)
		}
	}
	if _, body := ts.get(t, "/admin/articles"); !strings.Contains(body, "Published 2 articles.") {
		t.Error("no message after bulk publish")
	}
	log, _, err := ts.H.Audit.List(context.Background(), "article.publish", 1)
	if err != nil || len(log) != 1 || log[0].UserID != ed.ID {
		t.Errorf("audit log of the bulk publish: %v, %+v", err, log)
	}

	// A cross-site request is refused before it can change anything.
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/admin/articles/bulk",
		strings.NewReader(url.Values{"action": {"unpublish"}, "id": ids["id"]}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://attacker.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	res, body = ts.do(t, req)
	mustStatus(t, res, body, http.StatusForbidden)
	if got := storedArticle(t, ts, a.ID); got.Status != models.StatusPublished {
		t.Error("cross-site request unpublished the article")
	}

	// Moving to the trash asks first; the first click changes nothing.
	form = url.Values{"action": {"trash"}, "id": ids["id"], "back": {"/admin/articles?status=published"}}
	res, body = ts.postForm(t, "/admin/articles/bulk", form)
	mustStatus(t, res, body, http.StatusOK)
	if !strings.Contains(body, "Move to the trash?") || !strings.Contains(body, "Ferry timetable changes") ||
		!strings.Contains(body, `name="confirm" value="yes"`) {
		t.Error("confirmation page lacks its question, the articles or the confirm field")
	}
	if got := storedArticle(t, ts, a.ID); got.Status != models.StatusPublished {
		t.Fatalf("trashed without confirmation: %s", got.Status)
	}
	form.Set("confirm", "yes")
	res, body = ts.postForm(t, "/admin/articles/bulk", form)
	mustStatus(t, res, body, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); loc != "/admin/articles?status=published" {
		t.Errorf("back to %q", loc)
	}
	if res, _ := ts.get(t, a.URL()); res.StatusCode != http.StatusNotFound {
		t.Errorf("trashed article answers %d", res.StatusCode)
	}
	_, body = ts.get(t, "/admin/articles?status=trash")
	if !strings.Contains(body, "Ferry timetable changes") || !strings.Contains(body, "Stadium roof repaired") {
		t.Error("trash list lacks the articles")
	}

	// Restore one as a draft; empty the trash of the other after confirming.
	res, body = ts.postForm(t, articleAdminPath(b)+"/restore", nil)
	mustStatus(t, res, body, http.StatusSeeOther)
	if got := storedArticle(t, ts, b.ID); got.Status != models.StatusDraft {
		t.Errorf("restored article is %s", got.Status)
	}
	if _, body := ts.get(t, res.Header.Get("Location")); !strings.Contains(body, "from the trash as a draft") {
		t.Error("no message after restoring")
	}
	res, body = ts.get(t, "/admin/articles/empty-trash")
	mustStatus(t, res, body, http.StatusOK)
	if !strings.Contains(body, "Ferry timetable changes") || strings.Contains(body, "Stadium roof repaired") {
		t.Error("empty-trash confirmation lists the wrong articles")
	}
	res, body = ts.postForm(t, "/admin/articles/empty-trash", nil)
	mustStatus(t, res, body, http.StatusSeeOther)
	if _, err := ts.H.Articles.ByID(context.Background(), a.ID); err != models.ErrNotFound {
		t.Errorf("article after emptying the trash: %v", err)
	}
	storedArticle(t, ts, b.ID)

	// Deleting for good works only from the trash.
	res, body = ts.postForm(t, articleAdminPath(b)+"/delete", nil)
	mustStatus(t, res, body, http.StatusConflict)
}

func TestSingleTrashNeedsConfirmation(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ts.signIn(t, models.RoleEditor)
	a := storedArticle(t, ts, 1)
	res, body := ts.get(t, articleAdminPath(a)+"/trash")
	mustStatus(t, res, body, http.StatusOK)
	if !strings.Contains(body, `action="`+articleAdminPath(a)+`/trash"`) {
		t.Error("confirmation does not post to the trash action")
	}
	if got := storedArticle(t, ts, a.ID); got.Status != models.StatusPublished {
		t.Fatal("GET moved the article")
	}
	res, body = ts.postForm(t, articleAdminPath(a)+"/trash", nil)
	mustStatus(t, res, body, http.StatusSeeOther)
	res, body = ts.get(t, articleAdminPath(a)+"/delete")
	mustStatus(t, res, body, http.StatusOK)
	res, body = ts.postForm(t, articleAdminPath(a)+"/delete", nil)
	mustStatus(t, res, body, http.StatusSeeOther)
	if _, err := ts.H.Articles.ByID(context.Background(), a.ID); err != models.ErrNotFound {
		t.Errorf("article after deleting for good: %v", err)
	}
}
