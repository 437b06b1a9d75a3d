package handlers

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

// publishedWithLead is a live article by author whose lead is a new
// picture uploaded by author, with caption.
func publishedWithLead(t *testing.T, ts *testServer, author models.User, caption string) (models.Article, models.Media) {
	t.Helper()
	ctx := context.Background()
	pic, err := ts.H.Media.Create(ctx, models.MediaInput{Data: testJPEG(t, 600, 400), Alt: "The harbour at dawn",
		Caption: caption, UploaderID: author.ID})
	if err != nil {
		t.Fatal(err)
	}
	a, err := ts.H.Articles.Create(ctx, models.ArticleInput{Title: "Port reopens after the storm " + caption,
		Summary: "Ships again.", BodyMD: "The port reopened.", CategoryID: firstSection(t, ts).ID,
		AuthorID: author.ID, Status: models.StatusPublished})
	if err != nil {
		t.Fatal(err)
	}
	if err := ts.H.Media.SetLeadBy(ctx, a.ID, pic.ID, models.Editor{ID: author.ID}); err != nil {
		t.Fatal(err)
	}
	return storedArticle(t, ts, a.ID), pic
}

func TestLeadPictureChangeIsARevisionReadersCanUndo(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	editor := ts.signIn(t, models.RoleEditor)
	a, first := publishedWithLead(t, ts, editor, "Dawn over the quay.")
	second := ts.addImage(t, testJPEG(t, 600, 400), "Cranes at work")
	res, _ := ts.postForm(t, "/admin/media/lead", url.Values{"article": {fmt.Sprint(a.ID)}, "media": {fmt.Sprint(second.ID)}})
	wantStatus(t, res, http.StatusSeeOther)
	_, body := ts.get(t, a.URL())
	wantBody(t, body, "Cranes at work")

	res, body = ts.get(t, fmt.Sprintf("/admin/articles/%d/revisions", a.ID))
	wantStatus(t, res, http.StatusOK)
	wantBody(t, body, "set the lead picture to image "+fmt.Sprint(second.ID), "Lead picture", editor.Name)
	revs, err := ts.H.Articles.Revisions(context.Background(), a.ID)
	if err != nil || len(revs) < 2 || revs[1].LeadMediaID != first.ID {
		t.Fatalf("revisions %v (%v)", revs, err)
	}
	res, _ = ts.postForm(t, fmt.Sprintf("/admin/articles/%d/revisions/%d/restore", a.ID, revs[1].ID), nil)
	wantStatus(t, res, http.StatusSeeOther)
	_, body = ts.get(t, a.URL())
	wantBody(t, body, "The harbour at dawn", "Dawn over the quay.")
}

// TestRefusedPictureEditsChangeNothingReadersSee: another author can
// neither rewrite the caption of a picture on someone's live article, nor
// swap its lead picture, nor pick an embargoed picture of theirs.
func TestRefusedPictureEditsChangeNothingReadersSee(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	owner := ts.addUser(t, models.RoleAuthor)
	a, pic := publishedWithLead(t, ts, owner, "Dawn over the quay.")
	_, before := ts.otherClient(t, "").get(t, a.URL())
	wantBody(t, before, "Dawn over the quay.", "The harbour at dawn")

	rival := ts.otherClient(t, "")
	rival.useSessionOf(t, ts.addUser(t, models.RoleAuthor))
	res, _ := rival.postForm(t, fmt.Sprintf("/admin/media/%d", pic.ID),
		url.Values{"alt": {"Defaced"}, "caption": {"A caption nobody approved."}, "credit": {"Rival"}})
	wantStatus(t, res, http.StatusForbidden)
	res, _ = rival.postForm(t, "/admin/media/lead", url.Values{"article": {fmt.Sprint(a.ID)}, "media": {"0"}})
	wantStatus(t, res, http.StatusForbidden)
	res, _ = rival.get(t, fmt.Sprintf("/admin/media/pick?article=%d", a.ID))
	wantStatus(t, res, http.StatusForbidden)

	_, after := ts.otherClient(t, "").get(t, a.URL())
	if after != before {
		t.Error("the article page changed after refused edits")
	}
	if strings.Contains(after, "Defaced") || strings.Contains(after, "nobody approved") {
		t.Error("readers see the refused caption")
	}
	if m, _ := ts.H.Media.Get(context.Background(), pic.ID); m.Caption != "Dawn over the quay." || m.Alt != "The harbour at dawn" {
		t.Errorf("stored picture text %q / %q", m.Alt, m.Caption)
	}

	// The rival's picker lists their own pictures, not the owner's embargoed one.
	draftPic, _ := ts.H.Media.Create(context.Background(), models.MediaInput{Data: testJPEG(t, 300, 200),
		Alt: "Embargoed portrait", UploaderID: owner.ID})
	own := createArticle(t, rival, newArticleForm("Rival's own story", models.StatusDraft, firstSection(t, ts), models.User{}))
	res, body := rival.get(t, fmt.Sprintf("/admin/media/pick?article=%d", own.ID))
	wantStatus(t, res, http.StatusOK)
	if strings.Contains(body, "Embargoed portrait") {
		t.Error("the picker shows another author's unpublished picture")
	}
	res, _ = rival.postForm(t, "/admin/media/lead", url.Values{"article": {fmt.Sprint(own.ID)}, "media": {fmt.Sprint(draftPic.ID)}})
	wantStatus(t, res, http.StatusNotFound)
}
