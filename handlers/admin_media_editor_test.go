package handlers

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

func TestEditorOffersPicturesAndChecksBodyImages(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	ctx := context.Background()
	u := ts.signIn(t, models.RoleEditor)
	cat, err := ts.H.Categories.Create(ctx, models.CategoryInput{Name: "World News"})
	if err != nil {
		t.Fatal(err)
	}
	a := createArticle(t, ts, newArticleForm("Harbour reopens", models.StatusDraft, cat, u))
	described := ts.addImage(t, testJPEG(t, 400, 300), "Cranes over the harbour")
	bare := ts.addImage(t, testJPEG(t, 400, 300), "")
	if err := ts.H.Media.SetLead(ctx, a.ID, described.ID); err != nil {
		t.Fatal(err)
	}

	_, body := ts.get(t, articleAdminPath(a))
	if !strings.Contains(body, "Lead picture: Cranes over the harbour") ||
		!strings.Contains(body, `href="/admin/media/pick?article=`+strconv.FormatInt(a.ID, 10)) {
		t.Error("the editor shows no lead image or no picker")
	}

	form := editForm(t, ts, a)
	typed := "Text.\n\n![](/media/" + strconv.FormatInt(bare.ID, 10) + "/640.jpg)"
	form.Set("body", typed)
	res, body := ts.postForm(t, articleAdminPath(a), form)
	mustStatus(t, res, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "has no alt text yet") || !strings.Contains(body, "/640.jpg)</textarea>") {
		t.Error("no message by the text, or the typed text was lost")
	}

	form.Set("body", "Text.\n\n"+described.BodyMarkdown())
	res, body = ts.postForm(t, articleAdminPath(a), form)
	mustStatus(t, res, body, http.StatusSeeOther)
	if got := storedArticle(t, ts, a.ID); !strings.Contains(got.BodyMD, described.URL(1280)) {
		t.Errorf("body not saved: %q", got.BodyMD)
	}
	if lead, err := ts.H.Media.LeadFor(ctx, a.ID); err != nil || lead.ID != described.ID {
		t.Errorf("saving the article lost its lead image: %v", err)
	}
}
