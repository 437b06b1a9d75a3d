package handlers

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

// postPicture sends the editor's form with a picture to path, as the
// Upload picture button does.
func (ts *testServer) postPicture(t testing.TB, path string, form url.Values, pic []byte) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for k, vs := range form {
		for _, v := range vs {
			w.WriteField(k, v)
		}
	}
	if pic != nil {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="picture"; filename="quay.jpg"`)
		h.Set("Content-Type", "image/jpeg")
		part, _ := w.CreatePart(h)
		part.Write(pic)
	}
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return ts.do(t, req)
}

// TestPictureIntoNewArticle: a picture uploaded into a new, unsaved article
// saves it as a draft with the text as typed and the picture at the cursor;
// a second becomes the lead; the lead can be removed from the editor.
func TestPictureIntoNewArticle(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)
	f := newArticleForm("Quay wall repairs begin", "", firstSection(t, ts), ed)
	f.Set("body", "Before.\n\nAfter.")
	f.Set("cursor", "7")
	f.Set("action", "picture")
	f.Set("picture_caption", "The old quay")
	f.Set("picture_credit", "Photo: Ana Ruiz")
	res, body := ts.postPicture(t, "/admin/articles/picture", f, testJPEG(t, 800, 600))
	mustStatus(t, res, body, http.StatusUnprocessableEntity) // no alt text
	wantBody(t, body, "Describe the picture", "Quay wall repairs begin", "Before.")

	f.Set("picture_alt", "Workers on the quay wall")
	res, body = ts.postPicture(t, "/admin/articles/picture", f, testJPEG(t, 800, 600))
	mustStatus(t, res, body, http.StatusSeeOther)
	edit := res.Header.Get("Location")
	a := storedArticle(t, ts, idFromPath(t, edit))
	if a.Status != models.StatusDraft || !strings.HasPrefix(a.BodyMD, "Before.\n\n![Workers on the quay wall](/media/") ||
		!strings.HasSuffix(a.BodyMD, `"The old quay · Photo: Ana Ruiz")`+"\n\nAfter.") {
		t.Fatalf("stored %s with text %q", a.Status, a.BodyMD)
	}
	if !strings.Contains(string(a.BodyHTML), `<span class="credit">Photo: Ana Ruiz</span>`) {
		t.Errorf("the caption and credit are not shown: %s", a.BodyHTML)
	}

	g := editForm(t, ts, a)
	g.Set("picture_alt", "The harbour from above")
	g.Set("picture_use", "lead")
	g.Set("action", "picture")
	res, body = ts.postPicture(t, edit+"/picture", g, testJPEG(t, 1200, 800))
	mustStatus(t, res, body, http.StatusSeeOther)
	_, body = ts.get(t, edit)
	wantBody(t, body, "Lead picture: The harbour from above", "Remove lead picture")

	g = editForm(t, ts, storedArticle(t, ts, a.ID))
	g.Set("action", "lead_remove")
	res, body = ts.postPicture(t, edit+"/picture", g, nil)
	mustStatus(t, res, body, http.StatusSeeOther)
	_, body = ts.get(t, edit)
	wantBody(t, body, "No lead picture yet.")
}

func idFromPath(t testing.TB, p string) int64 {
	t.Helper()
	i := strings.LastIndex(p, "/")
	var id int64
	for _, r := range p[i+1:] {
		if r < '0' || r > '9' {
			t.Fatalf("no id in %q", p)
		}
		id = id*10 + int64(r-'0')
	}
	return id
}
