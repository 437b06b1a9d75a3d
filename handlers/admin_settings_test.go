package handlers

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func validSettings() url.Values {
	return url.Values{
		"site_name": {"The Evening Courier"}, "tagline": {"News at dusk"}, "time_zone": {"Asia/Seoul"},
		"moderation_mode": {"unknown"}, "held_words": {"  casino \n\nCasino\nfree money\n"}, "auto_close_days": {"30"},
		"social_facebook": {"https://facebook.com/courier"}, "social_rss": {"/feed"},
	}
}

func TestSettingsChangeTheSiteAtOnce(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	admin := ts.signIn(t, "admin")
	_, before := ts.get(t, "/")
	if !strings.Contains(before, "x.example.com") {
		t.Fatal("the demo sidebar has no X link to start with")
	}
	res, body := ts.get(t, "/admin/settings")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, body, `value="The Daily Ledger"`, "Stay Connected", "LinkedIn")

	res, _ = ts.postForm(t, "/admin/settings", validSettings())
	wantRedirect(t, res, "/admin/settings")
	_, body = ts.get(t, "/admin/settings")
	wantBody(t, body, "Settings saved.", `value="Asia/Seoul"`, "casino\nfree money</textarea>")

	_, front := ts.get(t, "/")
	wantBody(t, front, "The Evening Courier", "https://facebook.com/courier")
	if strings.Contains(front, "x.example.com") {
		t.Error("the X link emptied in settings is still in the sidebar")
	}
	audit := strings.Join(ts.auditActions(t), "\n")
	wantBody(t, audit, "setting.change "+admin.Name, `site name: "The Daily Ledger" → "The Evening Courier"`, "held words changed")
}

func TestSettingsFormKeepsInputAndExplains(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ts.signIn(t, "admin")
	form := validSettings()
	form.Set("site_name", "   ")
	form.Set("time_zone", "Mars/Olympus_Mons")
	form.Set("social_facebook", "javascript:alert(1)")
	form.Set("social_x", "x.com/courier")
	form.Set("social_youtube", "https://youtube.com/@courier")
	form.Set("auto_close_days", "soon")
	form.Set("moderation_mode", "whatever")
	res, body := ts.postForm(t, "/admin/settings", form)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, body,
		"Please enter the site's name.",
		"Please enter a time zone name", `value="Mars/Olympus_Mons"`,
		"full address of the Facebook page", `value="javascript:alert(1)"`,
		"full address of the X page", `value="x.com/courier"`,
		`value="https://youtube.com/@courier"`,
		"Please enter a number of days", `value="soon"`,
		"Please choose how new comments are handled.",
		"Nothing was saved yet.")
	_, front := ts.get(t, "/")
	if strings.Contains(front, "youtube.com/@courier") || strings.Contains(front, "javascript:") {
		t.Error("a refused form changed the site")
	}
}
