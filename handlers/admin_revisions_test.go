package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

func TestSlugChangeRedirects(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)
	sections, _ := ts.H.Categories.All(context.Background())
	a := createArticle(t, ts, newArticleForm("Bridge reopens after repairs", "published", sections[0], ed))
	oldURL := a.URL()

	f := editForm(t, ts, a)
	f.Set("slug", "bridge-reopens")
	res, body := ts.postForm(t, articleAdminPath(a), f)
	mustStatus(t, res, body, http.StatusSeeOther)
	a = storedArticle(t, ts, a.ID)
	res, _ = ts.get(t, oldURL)
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != a.URL() {
		t.Fatalf("old URL: %d to %q, want 301 to %q", res.StatusCode, res.Header.Get("Location"), a.URL())
	}

	// Moving it to another section: both old addresses lead to the new one.
	f = editForm(t, ts, a)
	f.Set("category_id", strconv.FormatInt(sections[1].ID, 10))
	res, body = ts.postForm(t, articleAdminPath(a), f)
	mustStatus(t, res, body, http.StatusSeeOther)
	a = storedArticle(t, ts, a.ID)
	for _, u := range []string{oldURL, "/" + sections[0].Slug + "/bridge-reopens"} {
		res, _ = ts.get(t, u)
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != a.URL() {
			t.Errorf("%s: %d to %q, want 301 to %q", u, res.StatusCode, res.Header.Get("Location"), a.URL())
		}
	}
	res, body = ts.get(t, a.URL())
	mustStatus(t, res, body, http.StatusOK)

	// A draft's old slug was never public, so it does not redirect.
	d := createArticle(t, ts, newArticleForm("Draft with a slug", "draft", sections[0], ed))
	f = editForm(t, ts, d)
	f.Set("slug", "draft-renamed")
	res, body = ts.postForm(t, articleAdminPath(d), f)
	mustStatus(t, res, body, http.StatusSeeOther)
	if res, _ := ts.get(t, d.URL()); res.StatusCode != http.StatusNotFound {
		t.Errorf("old draft slug answers %d", res.StatusCode)
	}

	// Once unpublished, the old address no longer leads anywhere.
	res, body = ts.postForm(t, "/admin/articles/bulk", url.Values{"action": {"unpublish"}, "id": {strconv.FormatInt(a.ID, 10)}})
	mustStatus(t, res, body, http.StatusSeeOther)
	if res, _ := ts.get(t, oldURL); res.StatusCode != http.StatusNotFound {
		t.Errorf("old URL of an unpublished article answers %d", res.StatusCode)
	}
}

func TestRevisionsCompareRestore(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)
	a := createArticle(t, ts, newArticleForm("Library extends opening hours", "draft", firstSection(t, ts), ed))
	original := a.BodyMD
	f := editForm(t, ts, a)
	f.Set("body", "First paragraph.\n\nA new middle paragraph.\n\nSecond paragraph.")
	f.Set("title", "Library extends its opening hours")
	res, body := ts.postForm(t, articleAdminPath(a), f)
	mustStatus(t, res, body, http.StatusSeeOther)

	revs, err := ts.H.Articles.Revisions(context.Background(), a.ID)
	if err != nil || len(revs) != 2 {
		t.Fatalf("revisions: %v, %d, want 2", err, len(revs))
	}
	if revs[0].UserName != ed.Name || revs[0].Note != "edited" || revs[1].Note != "created" {
		t.Errorf("revisions say %q by %q, then %q", revs[0].Note, revs[0].UserName, revs[1].Note)
	}
	res, body = ts.get(t, articleAdminPath(a)+"/revisions")
	mustStatus(t, res, body, http.StatusOK)
	for _, want := range []string{ed.Name, "Changed: Title, Text", "Library extends its opening hours"} {
		if !strings.Contains(body, want) {
			t.Errorf("revision list lacks %q", want)
		}
	}
	res, body = ts.get(t, articleAdminPath(a)+"/revisions/compare?a="+itoa(revs[1].ID)+"&b="+itoa(revs[0].ID))
	mustStatus(t, res, body, http.StatusOK)
	if !strings.Contains(body, `<span class="diff-add">+ A new middle paragraph.</span>`) {
		t.Error("comparison does not show the added line")
	}

	res, body = ts.postForm(t, articleAdminPath(a)+"/revisions/"+itoa(revs[1].ID)+"/restore", nil)
	mustStatus(t, res, body, http.StatusSeeOther)
	got := storedArticle(t, ts, a.ID)
	if got.BodyMD != original || got.Title != "Library extends opening hours" {
		t.Errorf("after restore: %q / %q", got.Title, got.BodyMD)
	}
	revs, _ = ts.H.Articles.Revisions(context.Background(), a.ID)
	if len(revs) != 3 || !strings.HasPrefix(revs[0].Note, "restored revision") {
		t.Errorf("restore kept %d revisions, newest %q", len(revs), revs[0].Note)
	}
	res, body = ts.postForm(t, articleAdminPath(a)+"/revisions/99999/restore", nil)
	mustStatus(t, res, body, http.StatusNotFound)
}

func TestEditConflictKeepsBothVersions(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)
	a := createArticle(t, ts, newArticleForm("Market opens on Sunday", "draft", firstSection(t, ts), ed))

	mine := editForm(t, ts, a)   // loaded by the first editor
	theirs := editForm(t, ts, a) // loaded by the second, who saves first
	theirs.Set("body", "Their version of the text.")
	res, body := ts.postForm(t, articleAdminPath(a), theirs)
	mustStatus(t, res, body, http.StatusSeeOther)

	mine.Set("body", "My version, typed with care.")
	res, body = ts.postForm(t, articleAdminPath(a), mine)
	mustStatus(t, res, body, http.StatusConflict)
	for _, want := range []string{"Someone else saved this article", "Their version of the text.", "My version, typed with care.",
		`<span class="diff-add">+ My version, typed with care.</span>`} {
		if !strings.Contains(body, want) {
			t.Errorf("conflict page lacks %q", want)
		}
	}
	if got := storedArticle(t, ts, a.ID); got.BodyMD != "Their version of the text." {
		t.Errorf("stale save overwrote the article: %q", got.BodyMD)
	}
	// Saving again from the conflict page is deliberate and goes through.
	mine.Set("version", strconv.Itoa(storedArticle(t, ts, a.ID).Version))
	if !strings.Contains(body, `name="version" value="`+mine.Get("version")+`"`) {
		t.Error("conflict page does not carry the current version")
	}
	res, body = ts.postForm(t, articleAdminPath(a), mine)
	mustStatus(t, res, body, http.StatusSeeOther)
	if got := storedArticle(t, ts, a.ID); got.BodyMD != "My version, typed with care." {
		t.Errorf("second save: %q", got.BodyMD)
	}
}

func TestCorrections(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)
	sec := firstSection(t, ts)
	a := createArticle(t, ts, newArticleForm("Mayor opens new school", "published", sec, ed))
	if _, body := ts.get(t, a.URL()); strings.Contains(body, "Updated") {
		t.Fatal("new article already marked updated")
	}
	ts.Clock.Set(testNow.Add(3 * time.Hour))
	note := "An earlier version gave the wrong number of pupils: it is 420, not 240 <really>."
	res, body := ts.postForm(t, articleAdminPath(a)+"/corrections", url.Values{"note": {note}})
	mustStatus(t, res, body, http.StatusSeeOther)

	res, body = ts.get(t, a.URL())
	mustStatus(t, res, body, http.StatusOK)
	esc := "An earlier version gave the wrong number of pupils: it is 420, not 240 &lt;really&gt;."
	for _, want := range []string{"Correction", esc, "March 15, 2026", "Updated"} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	if strings.Index(body, esc) < strings.Index(body, "story-body") {
		t.Error("correction shown before the article text")
	}
	if !strings.Contains(body, `href="/corrections"`) {
		t.Error("article page does not link to the corrections page")
	}
	res, body = ts.get(t, "/corrections")
	mustStatus(t, res, body, http.StatusOK)
	if !strings.Contains(body, esc) || !strings.Contains(body, `href="`+a.URL()+`"`) {
		t.Error("/corrections does not list the correction with its article")
	}

	res, body = ts.postForm(t, articleAdminPath(a)+"/corrections", url.Values{"note": {"  "}})
	mustStatus(t, res, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "Please write the correction.") {
		t.Error("no message for an empty correction")
	}
	d := createArticle(t, ts, newArticleForm("Unpublished piece", "draft", sec, ed))
	res, body = ts.postForm(t, articleAdminPath(d)+"/corrections", url.Values{"note": {"Typed note kept"}})
	mustStatus(t, res, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "only to a published article") {
		t.Error("no message for a correction to a draft")
	}
}

// TestFirstEditKeepsTheOriginal edits an article made before revisions
// were kept: its original text becomes the first revision.
func TestFirstEditKeepsTheOriginal(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ts.signIn(t, models.RoleEditor)
	a := storedArticle(t, ts, 1)
	f := editForm(t, ts, a)
	f.Set("body", "Rewritten.")
	res, body := ts.postForm(t, articleAdminPath(a), f)
	mustStatus(t, res, body, http.StatusSeeOther)
	revs, err := ts.H.Articles.Revisions(context.Background(), a.ID)
	if err != nil || len(revs) != 2 {
		t.Fatalf("revisions: %v, %d, want 2", err, len(revs))
	}
	if revs[1].BodyMD != a.BodyMD || !revs[1].CreatedAt.Equal(a.UpdatedAt) {
		t.Error("first revision is not the article as it was")
	}
	res, body = ts.postForm(t, articleAdminPath(a)+"/revisions/"+itoa(revs[1].ID)+"/restore", nil)
	mustStatus(t, res, body, http.StatusSeeOther)
	if got := storedArticle(t, ts, a.ID); got.BodyMD != a.BodyMD {
		t.Error("restoring the first revision did not bring the original back")
	}
}
