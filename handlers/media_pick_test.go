package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

// TestPickerUploadsAndReturns: the picker uploads a picture with its alt
// text, caption and credit and goes back to the editor, with the picture
// placed in the text or as the lead; choosing a library picture for the
// text does the same, with no Markdown to copy.
func TestPickerUploadsAndReturns(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)
	a := createArticle(t, ts, newArticleForm("Ferry pier reopens", "draft", firstSection(t, ts), ed))
	pick := "/admin/media/pick?article=" + itoa(a.ID)
	_, body := ts.get(t, pick)
	wantBody(t, body, `href="`+articlePath(a)+`">Back to the editor`, "Upload a new picture", "Place in the text")
	if strings.Contains(body, "Markdown to paste") {
		t.Error("the picker still asks to copy Markdown")
	}

	f := url.Values{"article": {itoa(a.ID)}, "picture_use": {"inline"}, "picture_caption": {"The pier at dawn"}}
	res, body := ts.postPicture(t, "/admin/media/pick", f, testJPEG(t, 640, 480))
	mustStatus(t, res, body, http.StatusUnprocessableEntity)
	wantBody(t, body, "Describe the picture", `value="The pier at dawn"`)

	f.Set("picture_alt", "The ferry pier at dawn")
	res, body = ts.postPicture(t, "/admin/media/pick", f, testJPEG(t, 640, 480))
	mustStatus(t, res, body, http.StatusSeeOther)
	loc := res.Header.Get("Location")
	if !strings.HasPrefix(loc, articlePath(a)+"?insert=") {
		t.Fatalf("after an upload for the text the picker sends to %q", loc)
	}
	_, body = ts.get(t, loc)
	wantBody(t, body, "is at the end of the text", "![The ferry pier at dawn](/media/")

	f.Set("picture_use", "lead")
	f.Set("picture_alt", "The pier from the water")
	res, body = ts.postPicture(t, "/admin/media/pick", f, testJPEG(t, 640, 480))
	mustStatus(t, res, body, http.StatusSeeOther)
	wantRedirect(t, res, articlePath(a))
	lead, err := ts.H.Media.LeadFor(context.Background(), a.ID)
	if err != nil || lead.Alt != "The pier from the water" {
		t.Errorf("lead after the picker's upload: %+v, %v", lead, err)
	}

	author := ts.otherClient(t, "")
	author.signIn(t, models.RoleAuthor)
	res, body = author.postPicture(t, "/admin/media/pick", f, testJPEG(t, 640, 480))
	mustStatus(t, res, body, http.StatusForbidden)
}

func articlePath(a models.Article) string { return articleAdminPath(a) }
