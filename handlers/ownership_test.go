package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

// As an author, the media routes on another author's article or picture
// are refused and change nothing; on their own they work.
func TestAuthorChangesOnlyTheirOwnPictures(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ctx := context.Background()
	au := ts.signIn(t, models.RoleAuthor)
	others := storedArticle(t, ts, 1) // a demo article by someone else, published
	before, err := ts.H.Media.LeadFor(ctx, others.ID)
	if err != nil && err != models.ErrNotFound {
		t.Fatal(err)
	}
	demoPic := ts.addImage(t, testJPEG(t, 400, 300), "A harbour at dawn") // uploaded by nobody here
	mine, err := ts.H.Media.Create(ctx, models.MediaInput{Data: testJPEG(t, 400, 300), Alt: "Mine", Filename: "m.jpg", UploaderID: au.ID})
	if err != nil {
		t.Fatal(err)
	}
	// An editor makes the author's picture the lead of another's article.
	used, err := ts.H.Media.Create(ctx, models.MediaInput{Data: testJPEG(t, 300, 200), Alt: "Used", Filename: "u.jpg", UploaderID: au.ID})
	if err != nil {
		t.Fatal(err)
	}
	other := storedArticle(t, ts, 2)
	if other.Author.ID == au.ID {
		t.Fatal("demo article 2 is the author's")
	}
	if err := ts.H.Media.SetLead(ctx, other.ID, used.ID); err != nil {
		t.Fatal(err)
	}

	meta := url.Values{"alt": {"Rewritten"}, "caption": {"Rewritten caption"}, "credit": {"x"}}
	refused := []struct {
		method, path string
		form         url.Values
	}{
		{"POST", "/admin/media/lead", url.Values{"article": {itoa(others.ID)}, "media": {itoa(mine.ID)}}},
		{"POST", "/admin/media/lead", url.Values{"article": {itoa(others.ID)}, "media": {"0"}}},
		{"GET", "/admin/media/pick?article=" + itoa(others.ID), nil},
		{"POST", "/admin/media/" + itoa(demoPic.ID), meta},
		{"POST", "/admin/media/" + itoa(used.ID), meta},
	}
	for _, tt := range refused {
		var res *http.Response
		var body string
		if tt.method == "GET" {
			res, body = ts.get(t, tt.path)
		} else {
			res, body = ts.postForm(t, tt.path, tt.form)
		}
		if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "Not allowed") {
			t.Errorf("author %s %s: %d, want the 403 page", tt.method, tt.path, res.StatusCode)
		}
	}
	after, err := ts.H.Media.LeadFor(ctx, others.ID)
	if err != nil && err != models.ErrNotFound {
		t.Fatal(err)
	}
	if after.ID != before.ID {
		t.Errorf("a refused request changed the lead picture of another's article: %d, was %d", after.ID, before.ID)
	}
	for _, m := range []models.Media{demoPic, used} {
		got, err := ts.H.Media.Get(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Alt != m.Alt || got.Caption != m.Caption {
			t.Errorf("a refused request rewrote picture %d: alt %q caption %q", m.ID, got.Alt, got.Caption)
		}
	}

	// Their own picture, which no one else's article uses, they may edit;
	// their own article's lead they may choose.
	res, body := ts.postForm(t, "/admin/media/"+itoa(mine.ID), meta)
	mustStatus(t, res, body, http.StatusSeeOther)
	if got, _ := ts.H.Media.Get(ctx, mine.ID); got.Caption != "Rewritten caption" {
		t.Errorf("own picture not saved: caption %q", got.Caption)
	}
	own := createArticle(t, ts, newArticleForm("My report", "draft", firstSection(t, ts), au))
	res, body = ts.get(t, "/admin/media/pick?article="+itoa(own.ID))
	mustStatus(t, res, body, http.StatusOK)
	res, body = ts.postForm(t, "/admin/media/lead", url.Values{"article": {itoa(own.ID)}, "media": {itoa(mine.ID)}})
	mustStatus(t, res, body, http.StatusSeeOther)
	if lead, err := ts.H.Media.LeadFor(ctx, own.ID); err != nil || lead.ID != mine.ID {
		t.Errorf("own article's lead: %d, %v", lead.ID, err)
	}

	// An editor may change any of them.
	ts.signIn(t, models.RoleEditor)
	res, body = ts.postForm(t, "/admin/media/"+itoa(demoPic.ID), meta)
	mustStatus(t, res, body, http.StatusSeeOther)
	res, body = ts.postForm(t, "/admin/media/lead", url.Values{"article": {itoa(others.ID)}, "media": {itoa(demoPic.ID)}})
	mustStatus(t, res, body, http.StatusSeeOther)
}
