package handlers

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/newsroom/news/handlers/newsroom"
)

func TestSetupLinkCreatesTheFirstAdmin(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	ctx := context.Background()
	token, err := ts.H.Setup.Issue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var stored string
	if err := ts.H.DB.R.QueryRow(`SELECT token_hash FROM setup_tokens`).Scan(&stored); err != nil || stored == token {
		t.Fatalf("stored %q (err %v): the token itself is kept", stored, err)
	}

	res, body := ts.get(t, "/admin/setup?token=wrong")
	wantStatus(t, res, http.StatusNotFound)
	wantBody(t, body, "This setup link is not valid any more.")
	res, body = ts.get(t, "/admin/setup?token="+token)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, body, "Create admin account", `name="token" value="`+token+`"`)

	// Bad input: messages by the fields, what was typed kept.
	form := url.Values{"token": {token}, "email": {"not an email"}, "name": {"Ada Editor"},
		"password": {"short"}, "confirm": {"short"}}
	res, body = ts.postForm(t, "/admin/setup", form)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, body, "Please enter an email address", "at least 10 characters", `value="not an email"`, `value="Ada Editor"`)
	form.Set("email", "ada@newsroom.example")
	form.Set("password", "a long enough password")
	form.Set("confirm", "another long password")
	res, body = ts.postForm(t, "/admin/setup", form)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, body, "The two passwords are not the same.")

	form.Set("confirm", "a long enough password")
	// A cookie left from before (other keys, or garbage) does not matter.
	base, _ := url.Parse(ts.URL + "/admin")
	ts.Client.Jar.SetCookies(base, []*http.Cookie{{Name: newsroom.SessionCookie, Value: "left-over", Path: "/admin"}})
	res, _ = ts.postForm(t, "/admin/setup", form)
	wantRedirect(t, res, "/admin")
	res, body = ts.get(t, "/admin/settings")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, body, "Welcome, Ada Editor.", "Ada Editor")

	// The link works once.
	res, _ = ts.otherClient(t, "").postForm(t, "/admin/setup", url.Values{"token": {token},
		"email": {"eve@evil.example"}, "name": {"Eve"}, "password": {"eve's password"}, "confirm": {"eve's password"}})
	wantStatus(t, res, http.StatusNotFound)
	res, _ = ts.get(t, "/admin/setup?token="+token)
	wantStatus(t, res, http.StatusNotFound)
	// And the new admin signs in with the password chosen.
	res, _ = ts.otherClient(t, "").login(t, "ada@newsroom.example", "a long enough password", "")
	wantRedirect(t, res, "/admin")
}

func TestSetupLinkExpiresAfterADay(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	token, err := ts.H.Setup.Issue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ts.Clock.Set(testNow.Add(23 * time.Hour))
	res, _ := ts.get(t, "/admin/setup?token="+token)
	wantStatus(t, res, http.StatusOK)
	ts.Clock.Set(testNow.Add(24*time.Hour + time.Second))
	res, _ = ts.get(t, "/admin/setup?token="+token)
	wantStatus(t, res, http.StatusNotFound)
}

func TestSetupLinkIsVoidOnceAnAccountExists(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	token, err := ts.H.Setup.Issue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ts.addUser(t, "author")
	res, _ := ts.get(t, "/admin/setup?token="+token)
	wantStatus(t, res, http.StatusNotFound)
}
