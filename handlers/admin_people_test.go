package handlers

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestPeopleAddChangeRoleDisable(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	admin := ts.signIn(t, "admin")

	// A bad form keeps what was typed, never the password.
	bad := url.Values{"name": {"Nina Reporter"}, "email": {"nina@"}, "role": {"boss"}, "password": {"short-pw"}}
	res, body := ts.postForm(t, "/admin/people", bad)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, body, "Please enter an email address", "Please choose a role.", "at least 10 characters",
		`value="Nina Reporter"`, `value="nina@"`)
	if strings.Contains(body, "short-pw") {
		t.Error("the password was sent back")
	}
	res, body = ts.postForm(t, "/admin/people", url.Values{"name": {"Dup"}, "email": {strings.ToUpper(admin.Email)},
		"role": {"author"}, "password": {"long enough password"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, body, "Someone already has this email address.")

	good := url.Values{"name": {"Nina Reporter"}, "email": {"nina@newsroom.example"}, "role": {"author"}, "password": {"nina's first password"}}
	res, _ = ts.postForm(t, "/admin/people", good)
	wantRedirect(t, res, "/admin/people")
	_, body = ts.get(t, "/admin/people")
	wantBody(t, body, "Nina Reporter can now sign in as author.", "nina@newsroom.example")

	nina := ts.otherClient(t, "")
	res, _ = nina.login(t, "nina@newsroom.example", "nina's first password", "/admin/settings")
	wantRedirect(t, res, "/admin/settings")
	res, _ = nina.get(t, "/admin/settings")
	wantStatus(t, res, http.StatusForbidden)

	var id int64
	if err := ts.H.DB.R.QueryRow(`SELECT id FROM users WHERE email = 'nina@newsroom.example'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	res, _ = ts.postForm(t, fmt.Sprintf("/admin/people/%d/role", id), url.Values{"role": {"admin"}})
	wantRedirect(t, res, "/admin/people")
	res, _ = nina.get(t, "/admin/settings")
	wantStatus(t, res, http.StatusOK)

	res, _ = ts.postForm(t, fmt.Sprintf("/admin/people/%d/disable", id), nil)
	wantRedirect(t, res, "/admin/people")
	// Her open session stops working at once.
	res, _ = nina.get(t, "/admin/settings")
	wantRedirect(t, res, "/admin/login?next=%2Fadmin%2Fsettings")
	res, _ = nina.login(t, "nina@newsroom.example", "nina's first password", "")
	wantStatus(t, res, http.StatusUnprocessableEntity)

	audit := strings.Join(ts.auditActions(t), "\n")
	wantBody(t, audit, "user.add "+admin.Name, "user.role "+admin.Name+" made Nina Reporter <nina@newsroom.example> an admin (was an author)",
		"user.disable "+admin.Name)
	_, body = ts.get(t, "/admin/audit?action=user.")
	wantBody(t, body, "user.disable", admin.Name+" made Nina Reporter &lt;nina@newsroom.example&gt; an admin (was an author)")
	if strings.Contains(body, "<code>sign-in</code>") {
		t.Error("the user. filter shows sign-ins")
	}
}

func TestTheLastAdminStays(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	admin := ts.signIn(t, "admin")
	res, _ := ts.postForm(t, fmt.Sprintf("/admin/people/%d/role", admin.ID), url.Values{"role": {"editor"}})
	wantRedirect(t, res, "/admin/people")
	res, body := ts.get(t, "/admin/people")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, body, "is the only admin")
	res, _ = ts.postForm(t, fmt.Sprintf("/admin/people/%d/disable", admin.ID), nil)
	wantRedirect(t, res, "/admin/people")
	res, _ = ts.get(t, "/admin/settings")
	wantStatus(t, res, http.StatusOK)
	res, _ = ts.postForm(t, "/admin/people/999999/role", url.Values{"role": {"editor"}})
	wantStatus(t, res, http.StatusNotFound)
}

func TestProfileNameAndPassword(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	u := ts.signIn(t, "author")
	res, body := ts.postForm(t, "/admin/profile", url.Values{"name": {""}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, body, "Please enter a name.")
	res, _ = ts.postForm(t, "/admin/profile", url.Values{"name": {"Renamed Author"}})
	wantRedirect(t, res, "/admin/profile")
	_, body = ts.get(t, "/admin/profile")
	wantBody(t, body, "Your profile is saved.", `value="Renamed Author"`)

	res, body = ts.postForm(t, "/admin/profile/password", url.Values{"current": {"a wrong guess"}, "new": {"brand new password"}, "confirm": {"brand new password"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, body, "That is not your current password.", "Your password was not changed")
	res, _ = ts.postForm(t, "/admin/profile/password", url.Values{"current": {testPassword}, "new": {"brand new password"}, "confirm": {"brand new password"}})
	wantRedirect(t, res, "/admin/profile")

	other := ts.otherClient(t, "")
	res, _ = other.login(t, u.Email, testPassword, "")
	wantStatus(t, res, http.StatusUnprocessableEntity)
	res, _ = other.login(t, u.Email, "brand new password", "")
	wantRedirect(t, res, "/admin")
}

func TestAdminSetsANewPassword(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ts.signIn(t, "admin")
	var id int64
	var email string
	if err := ts.H.DB.R.QueryRow(`SELECT id, email FROM users WHERE password_hash = '' LIMIT 1`).Scan(&id, &email); err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/admin/people/%d/password", id)
	res, _ := ts.postForm(t, path, url.Values{"password": {"short"}})
	wantRedirect(t, res, "/admin/people")
	_, body := ts.get(t, "/admin/people")
	wantBody(t, body, "was not changed: Please choose a password of at least 10 characters.")

	res, _ = ts.postForm(t, path, url.Values{"password": {"a byline's new password"}})
	wantRedirect(t, res, "/admin/people")
	res, _ = ts.otherClient(t, "").login(t, email, "a byline's new password", "")
	wantRedirect(t, res, "/admin")
	wantBody(t, strings.Join(ts.auditActions(t), "\n"), "user.password")

	author := ts.otherClient(t, "")
	author.signIn(t, "author")
	res, _ = author.postForm(t, path, url.Values{"password": {"the author's choice"}})
	wantStatus(t, res, http.StatusForbidden)
}
