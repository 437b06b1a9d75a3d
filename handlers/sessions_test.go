package handlers

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/handlers/newsroom"
	"github.com/newsroom/news/models"
)

// browser signs u in with the sign-in form in a new cookie jar, from the
// User-Agent ua, and returns it.
func (ts *testServer) browser(t *testing.T, u models.User, ua string) *testServer {
	t.Helper()
	b := ts.otherClient(t, "")
	res, _ := b.postWith(t, "/admin/login", url.Values{"email": {u.Email}, "password": {testPassword}},
		map[string]string{"User-Agent": ua})
	wantRedirect(t, res, "/admin")
	return b
}

// savedCookie is the session cookie as an attacker who copied it has it.
func savedCookie(t *testing.T, b *testServer) *http.Cookie {
	t.Helper()
	return &http.Cookie{Name: newsroom.SessionCookie, Value: sessionCookie(t, b), Path: "/admin"}
}

// replay sends a request to path with only cookie, from a fresh client.
func replay(t *testing.T, ts *testServer, cookie *http.Cookie, path string) *http.Response {
	t.Helper()
	c := ts.otherClient(t, "")
	req, _ := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	req.AddCookie(cookie)
	res, _ := c.do(t, req)
	return res
}

func TestSignedOutCookieNoLongerWorks(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	u := ts.addUser(t, models.RoleEditor)
	b := ts.browser(t, u, "")
	saved := savedCookie(t, b)
	wantStatus(t, replay(t, ts, saved, "/admin/profile"), http.StatusOK)
	res, _ := b.postForm(t, "/admin/logout", nil)
	wantRedirect(t, res, "/admin/login")
	wantRedirect(t, replay(t, ts, saved, "/admin/profile"), "/admin/login?next=%2Fadmin%2Fprofile")
}

func TestPasswordChangesEndOtherSessions(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	u := ts.addUser(t, models.RoleAuthor)
	laptop, phone := ts.browser(t, u, ""), ts.browser(t, u, "")
	res, _ := laptop.postForm(t, "/admin/profile/password",
		url.Values{"current": {testPassword}, "new": {"a new long password"}, "confirm": {"a new long password"}})
	wantRedirect(t, res, "/admin/profile")
	res, _ = laptop.get(t, "/admin/profile")
	wantStatus(t, res, http.StatusOK)
	res, _ = phone.get(t, "/admin/profile")
	wantRedirect(t, res, "/admin/login?next=%2Fadmin%2Fprofile")

	// An admin's reset ends every session of the person.
	admin := ts.addUser(t, models.RoleAdmin)
	ts.browser(t, admin, "")
	desk := ts.browser(t, admin, "")
	res, _ = desk.postForm(t, fmt.Sprintf("/admin/people/%d/password", u.ID), url.Values{"password": {"reset by the desk"}})
	wantRedirect(t, res, "/admin/people")
	res, _ = laptop.get(t, "/admin/profile")
	wantRedirect(t, res, "/admin/login?next=%2Fadmin%2Fprofile")
}

func TestDisablingEndsSessionsForGood(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	u := ts.addUser(t, models.RoleEditor)
	saved := savedCookie(t, ts.browser(t, u, ""))
	desk := ts.browser(t, ts.addUser(t, models.RoleAdmin), "")
	for _, action := range []string{"disable", "enable"} {
		res, _ := desk.postForm(t, fmt.Sprintf("/admin/people/%d/%s", u.ID, action), nil)
		wantRedirect(t, res, "/admin/people")
	}
	// Enabled again, the account signs in afresh; the old cookie stays dead.
	wantRedirect(t, replay(t, ts, saved, "/admin/profile"), "/admin/login?next=%2Fadmin%2Fprofile")
	// And an admin can sign someone out everywhere.
	again := savedCookie(t, ts.browser(t, u, ""))
	res, _ := desk.postForm(t, fmt.Sprintf("/admin/people/%d/sign-out", u.ID), nil)
	wantRedirect(t, res, "/admin/people")
	wantRedirect(t, replay(t, ts, again, "/admin"), "/admin/login")
	wantBody(t, strings.Join(ts.auditActions(t), "\n"), "user.sign-out")
}

func TestSessionsEndSevenDaysAfterSignInWhateverTheUse(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	b := ts.browser(t, ts.addUser(t, models.RoleEditor), "")
	for elapsed := 10 * time.Hour; elapsed < models.SessionLifetime; elapsed += 10 * time.Hour {
		ts.Clock.Set(ts.Clock.Now().Add(10 * time.Hour))
		res, _ := b.get(t, "/admin")
		wantStatus(t, res, http.StatusOK)
	}
	ts.Clock.Set(ts.Clock.Now().Add(10 * time.Hour))
	res, _ := b.get(t, "/admin/profile")
	wantRedirect(t, res, "/admin/login?next=%2Fadmin%2Fprofile")
	_, body := b.get(t, "/admin/login?next=%2Fadmin%2Fprofile")
	wantBody(t, body, "Your session has ended. Please sign in again.")
}

func TestProfileListsSessionsAndEndsThem(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	u := ts.addUser(t, models.RoleAuthor)
	laptop := ts.browser(t, u, "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0")
	phone := ts.browser(t, u, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1")
	res, body := laptop.get(t, "/admin/profile")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, body, "Where you are signed in", "Firefox on Windows", "Safari on iPhone", "127.0.0.0/24", "This browser")
	if strings.Contains(body, sessionCookie(t, phone)) {
		t.Error("the profile shows another session's cookie")
	}
	// The phone's row holds its id; signing it out from the laptop ends it.
	row := section(t, body, "Safari on iPhone", "</tr>")
	id := section(t, row, `name="session" value="`, `"`)
	res, _ = laptop.postForm(t, "/admin/profile/sessions/end", url.Values{"session": {id}})
	wantRedirect(t, res, "/admin/profile")
	res, _ = phone.get(t, "/admin/profile")
	wantRedirect(t, res, "/admin/login?next=%2Fadmin%2Fprofile")
	res, _ = laptop.get(t, "/admin/profile")
	wantStatus(t, res, http.StatusOK)
	// Someone else's session id ends nothing, nor does "everywhere else".
	bo := ts.addUser(t, models.RoleAuthor)
	other := ts.browser(t, bo, "")
	var theirs string
	if err := ts.H.DB.R.QueryRow(`SELECT id_hash FROM sessions WHERE user_id = ?`, bo.ID).Scan(&theirs); err != nil {
		t.Fatal(err)
	}
	res, _ = laptop.postForm(t, "/admin/profile/sessions/end", url.Values{"session": {theirs}})
	wantRedirect(t, res, "/admin/profile")
	res, _ = laptop.postForm(t, "/admin/profile/sessions/end-others", nil)
	wantRedirect(t, res, "/admin/profile")
	res, _ = other.get(t, "/admin/profile")
	wantStatus(t, res, http.StatusOK)
}
