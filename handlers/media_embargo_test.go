package handlers

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/news/handlers/newsroom"
	"github.com/newsroom/news/models"
)

// TestPicturesOfAnEmbargoedStoryStayPrivate: a picture uploaded for a
// story not yet published cannot be fetched by anyone outside the
// newsroom, and no cache keeps the refusal; once the story is out, its
// address works and is cached for a year.
func TestPicturesOfAnEmbargoedStoryStayPrivate(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ctx := context.Background()
	author := ts.signIn(t, models.RoleAuthor)
	res, body := ts.upload(t, uploadFile{"summit.jpg", "image/jpeg", testJPEG(t, 800, 500)})
	mustStatus(t, res, body, http.StatusOK)
	list, _, err := ts.H.Media.List(ctx, "", 1, 0)
	if err != nil || len(list) == 0 {
		t.Fatal(err)
	}
	pic := list[0]
	ts.H.Media.UpdateMeta(ctx, pic.ID, models.MediaMeta{Alt: "Delegations arrive"})
	draft := createArticle(t, ts, newArticleForm("Embargoed summit", models.StatusDraft, firstSection(t, ts), author))
	res, _ = ts.postForm(t, "/admin/media/lead", url.Values{"article": {fmt.Sprint(draft.ID)}, "media": {fmt.Sprint(pic.ID)}})
	wantStatus(t, res, http.StatusSeeOther)

	anonymous := ts.otherClient(t, "")
	res, _ = anonymous.get(t, pic.URL(640))
	if res.StatusCode != http.StatusNotFound || res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("before publication: %d, Cache-Control %q; want 404, no-store", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	res, _ = anonymous.get(t, pic.AdminURL(640))
	wantRedirect(t, res, "/admin/login?next="+url.QueryEscape(pic.AdminURL(640)))
	// The newsroom sees it at its own address, never cached.
	res, _ = ts.get(t, pic.AdminURL(640))
	if res.StatusCode != http.StatusOK || res.Header.Get("Cache-Control") != "private, no-store" {
		t.Errorf("newsroom copy: %d, Cache-Control %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	_, body = ts.get(t, fmt.Sprintf("/admin/articles/%d", draft.ID))
	wantBody(t, body, `src="`+pic.AdminURL(320)+`"`)
	// Another author neither sees it in the library nor fetches it.
	rival := ts.otherClient(t, "")
	rival.useSessionOf(t, ts.addUser(t, models.RoleAuthor))
	_, body = rival.get(t, "/admin/media")
	if strings.Contains(body, pic.AdminURL(320)) {
		t.Error("another author's library shows the embargoed picture")
	}
	res, _ = rival.get(t, pic.AdminURL(640))
	wantStatus(t, res, http.StatusNotFound)
	// A preview shows the pictures in the text from the newsroom's address.
	form := editForm(t, ts, storedArticle(t, ts, draft.ID))
	form.Set("body", "Text.\n\n"+pic.BodyMarkdown())
	form.Set("action", "preview")
	_, body = ts.postForm(t, fmt.Sprintf("/admin/articles/%d", draft.ID), form)
	wantBody(t, body, `src="/admin/media/`+fmt.Sprint(pic.ID)+`/`)

	editor := ts.otherClient(t, "")
	editor.useSessionOf(t, ts.addUser(t, models.RoleEditor))
	if _, err := ts.H.Articles.Publish(ctx, []int64{draft.ID}, models.Editor{ID: author.ID}); err != nil {
		t.Fatal(err)
	}
	res, _ = anonymous.get(t, pic.URL(640))
	if res.StatusCode != http.StatusOK || res.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" {
		t.Errorf("after publication: %d, Cache-Control %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}

	// An editor may make a picture public before any story uses it.
	res, body = ts.upload(t, uploadFile{"logo.jpg", "image/jpeg", testJPEG(t, 400, 300)})
	mustStatus(t, res, body, http.StatusOK)
	list, _, _ = ts.H.Media.List(ctx, "", 1, 0)
	spare := list[0]
	res, _ = anonymous.get(t, spare.URL(320))
	wantStatus(t, res, http.StatusNotFound)
	res, _ = ts.postForm(t, fmt.Sprintf("/admin/media/%d/public", spare.ID), nil)
	wantStatus(t, res, http.StatusForbidden) // an author may not
	res, _ = editor.postForm(t, fmt.Sprintf("/admin/media/%d/public", spare.ID), nil)
	wantRedirect(t, res, fmt.Sprintf("/admin/media/%d", spare.ID))
	res, _ = anonymous.get(t, spare.URL(320))
	wantStatus(t, res, http.StatusOK)
}

func TestSessionCookieOnlyForTheNewsroom(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	u := ts.addUser(t, models.RoleEditor)
	res, _ := ts.login(t, u.Email, testPassword, "")
	for _, c := range res.Cookies() {
		if c.Name == newsroom.SessionCookie && (c.Path != "/admin" || !c.HttpOnly) {
			t.Errorf("session cookie Path %q HttpOnly %v", c.Path, c.HttpOnly)
		}
	}
}
