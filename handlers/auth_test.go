package handlers

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/handlers/newsroom"
)

func TestAdminPagesNeedSignIn(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	for _, path := range []string{"/admin", "/admin/settings", "/admin/people?x=1", "/admin/audit", "/admin/profile", "/admin/nowhere"} {
		res, _ := ts.get(t, path)
		want := "/admin/login"
		if path != "/admin" {
			want += "?next=" + url.QueryEscape(path)
		}
		wantRedirect(t, res, want)
		if res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: Cache-Control %q", path, res.Header.Get("Cache-Control"))
		}
	}
	res, _ := ts.postForm(t, "/admin/settings", url.Values{"site_name": {"Hijacked"}})
	wantRedirect(t, res, "/admin/login")
}

func TestSignInAndOut(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	u := ts.addUser(t, "editor")

	res, body := ts.get(t, "/admin/login?next=%2Fadmin%2Fprofile")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, body, `name="next" value="/admin/profile"`, `type="password"`)

	res, _ = ts.login(t, u.Email, testPassword, "/admin/profile")
	wantRedirect(t, res, "/admin/profile")
	var cookie *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == newsroom.SessionCookie {
			cookie = c
		}
	}
	if cookie == nil {
		t.Fatal("no session cookie after sign-in")
	}
	if !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Path != "/admin" || cookie.Secure {
		t.Errorf("cookie HttpOnly=%v SameSite=%v Path=%q Secure=%v", cookie.HttpOnly, cookie.SameSite, cookie.Path, cookie.Secure)
	}
	if strings.Contains(cookie.Value, u.Email) {
		t.Error("the cookie shows the user's email")
	}
	res, body = ts.get(t, "/admin/profile")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, body, u.Name, "Sign out")
	if got := ts.auditActions(t); len(got) == 0 || !strings.HasPrefix(got[0], "sign-in "+u.Name) {
		t.Errorf("audit log %q has no sign-in", got)
	}

	// Signed in, the sign-in page sends people on.
	res, _ = ts.get(t, "/admin/login")
	wantRedirect(t, res, "/admin")

	res, _ = ts.postForm(t, "/admin/logout", nil)
	wantRedirect(t, res, "/admin/login")
	res, body = ts.get(t, "/admin/login")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, body, "You have signed out.")
	res, _ = ts.get(t, "/admin/profile")
	wantRedirect(t, res, "/admin/login?next=%2Fadmin%2Fprofile")

	// The cookie from before signing out no longer works once replaced;
	// and a disabled account cannot sign in at all.
	if _, err := ts.H.DB.Exec(t.Context(), `UPDATE users SET disabled = 1 WHERE id = ?`, u.ID); err != nil {
		t.Fatal(err)
	}
	res, body = ts.login(t, u.Email, testPassword, "")
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, body, newsroom.MsgBadLogin)
}

func TestWrongEmailAndWrongPasswordLookTheSame(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	u := ts.addUser(t, "author")
	resA, bodyA := ts.login(t, u.Email, "not the password", "")
	resB, bodyB := ts.otherClient(t, "").login(t, "nobody@newsroom.example", "not the password", "")
	wantStatus(t, resA, http.StatusUnprocessableEntity)
	wantStatus(t, resB, http.StatusUnprocessableEntity)
	wantBody(t, bodyA, newsroom.MsgBadLogin, `value="`+u.Email+`"`)
	wantBody(t, bodyB, newsroom.MsgBadLogin, `value="nobody@newsroom.example"`)
	if strings.Contains(bodyA, "not the password") {
		t.Error("the password was sent back")
	}
	res, body := ts.login(t, "", "", "")
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, body, "Please enter your email and your password.")
}

func TestSignInGoesBackOnlyToLocalPages(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	u := ts.addUser(t, "author")
	res, _ := ts.login(t, u.Email, testPassword, "https://evil.example/phish")
	wantRedirect(t, res, "/admin")
}

func TestSignInReplacesTheSessionItWasGiven(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	attacker := ts.signIn(t, "author")
	victim := ts.addUser(t, "editor")
	before := sessionCookie(t, ts)
	// The victim signs in in a browser holding the attacker's session.
	res, _ := ts.login(t, victim.Email, testPassword, "")
	wantRedirect(t, res, "/admin")
	after := sessionCookie(t, ts)
	if before == after {
		t.Fatal("the session cookie was not renewed at sign-in")
	}
	_, body := ts.get(t, "/admin/profile")
	wantBody(t, body, victim.Email)
	if strings.Contains(body, attacker.Email) {
		t.Error("the old session's user is still signed in")
	}
	// The attacker's copy of the old cookie is still the attacker's own,
	// never the victim's.
	old := ts.otherClient(t, "")
	base, _ := url.Parse(ts.URL + "/admin")
	old.Client.Jar.SetCookies(base, []*http.Cookie{{Name: newsroom.SessionCookie, Value: before}})
	_, body = old.get(t, "/admin/profile")
	if strings.Contains(body, victim.Email) {
		t.Error("the pre-sign-in cookie gives the victim's session")
	}
}

func sessionCookie(t testing.TB, ts *testServer) string {
	t.Helper()
	base, _ := url.Parse(ts.URL + "/admin")
	for _, c := range ts.Client.Jar.Cookies(base) {
		if c.Name == newsroom.SessionCookie {
			return c.Value
		}
	}
	return ""
}

func TestSessionExpiresAfterTwelveIdleHours(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ts.signIn(t, "editor")
	// Activity keeps the session alive past 12 hours in total.
	for i := 0; i < 3; i++ {
		ts.Clock.Set(ts.Clock.Now().Add(11 * time.Hour))
		res, _ := ts.get(t, "/admin")
		wantStatus(t, res, http.StatusOK)
	}
	ts.Clock.Set(ts.Clock.Now().Add(12*time.Hour + time.Minute))
	res, _ := ts.get(t, "/admin/profile")
	wantRedirect(t, res, "/admin/login?next=%2Fadmin%2Fprofile")
	res, body := ts.get(t, "/admin/login?next=%2Fadmin%2Fprofile")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, body, "signed out after 12 hours without activity")
	// Going back in time does not bring the session back: it was ended.
	ts.Clock.Set(testNow)
	res, _ = ts.get(t, "/admin")
	wantRedirect(t, res, "/admin/login")
}

func TestTamperedCookieIsNoSession(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ts.signIn(t, "admin")
	v := sessionCookie(t, ts)
	base, _ := url.Parse(ts.URL + "/admin")
	ts.Client.Jar.SetCookies(base, []*http.Cookie{{Name: newsroom.SessionCookie, Value: v[:len(v)-4] + "AAAA", Path: "/admin"}})
	res, _ := ts.get(t, "/admin/settings")
	wantRedirect(t, res, "/admin/login?next=%2Fadmin%2Fsettings")
}
