package handlers

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

// TestProfilesOnBylines: a person sets their job title, bio and a photo
// from the library; readers see them on the author page and beside the
// byline; an admin changes another person's profile the same way; a
// picture without alt text cannot be a photo.
func TestProfilesOnBylines(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)
	photo := ts.addImage(t, testJPEG(t, 400, 400), "Portrait of the reporter")
	noAlt := ts.addImage(t, testJPEG(t, 400, 400), "")
	a := createArticle(t, ts, newArticleForm("Harbour wall holds in the storm", "published", firstSection(t, ts), ed))

	_, body := ts.get(t, "/admin/profile")
	wantBody(t, body, `name="job_title"`, `name="bio"`, `value="`+itoa(photo.ID)+`"`, "Portrait of the reporter")
	if strings.Contains(body, `value="`+itoa(noAlt.ID)+`"`) {
		t.Error("a picture without alt text is offered as a photo")
	}
	form := url.Values{"name": {ed.Name}, "job_title": {"Harbour reporter"}, "bio": {"Covers the port since 2019."}, "photo": {itoa(noAlt.ID)}}
	res, body := ts.postForm(t, "/admin/profile", form)
	mustStatus(t, res, body, http.StatusUnprocessableEntity)
	wantBody(t, body, "has no alt text", `value="Harbour reporter"`, "Covers the port since 2019.")

	form.Set("photo", itoa(photo.ID))
	res, body = ts.postForm(t, "/admin/profile", form)
	mustStatus(t, res, body, http.StatusSeeOther)

	_, body = ts.get(t, ed.URL())
	wantBody(t, body, `class="author-photo" src="/media/`+itoa(photo.ID)+`/`, "Harbour reporter", "Covers the port since 2019.")
	_, body = ts.get(t, a.URL())
	wantBody(t, body, `class="byline-person" rel="author" href="`+ed.URL()+`"`, `<span class="byline-title">Harbour reporter</span>`,
		`src="/media/`+itoa(photo.ID)+`/`)

	// An author cannot make someone else's unpublished picture public as a photo.
	private := ts.addImage(t, testJPEG(t, 300, 300), "Someone else's unpublished picture")
	au := ts.signIn(t, models.RoleAuthor)
	_, body = ts.get(t, "/admin/profile")
	if strings.Contains(body, `value="`+itoa(private.ID)+`"`) {
		t.Error("an author is offered a picture they may not see")
	}
	res, body = ts.postForm(t, "/admin/profile", url.Values{"name": {au.Name}, "photo": {itoa(private.ID)}})
	mustStatus(t, res, body, http.StatusUnprocessableEntity)

	other := ts.addUser(t, models.RoleAuthor)
	ts.signIn(t, models.RoleAdmin)
	_, body = ts.get(t, "/admin/people")
	wantBody(t, body, `href="/admin/people/`+itoa(other.ID)+`"`)
	res, body = ts.postForm(t, "/admin/people/"+itoa(other.ID), url.Values{"name": {other.Name}, "job_title": {"Night editor"}, "photo": {""}})
	mustStatus(t, res, body, http.StatusSeeOther)
	_, body = ts.get(t, other.URL())
	wantBody(t, body, "Night editor")
	if acts := ts.auditActions(t); !strings.Contains(acts[0], "changed the profile of "+other.Name+": job title to ‘Night editor’") {
		t.Errorf("audit after an admin's change: %q", acts[0])
	}
}
