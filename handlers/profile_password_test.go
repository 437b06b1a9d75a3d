package handlers

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/handlers/newsroom"
	"github.com/newsroom/news/models"
)

func passwordForm(current string) url.Values {
	return url.Values{"current": {current}, "new": {"a brand new password"}, "confirm": {"a brand new password"}}
}

// TestProfilePasswordCheckLimitedLikeSignIn: someone at an unlocked,
// signed-in computer cannot guess the owner's password on the profile page
// without limit, nor outside the few bcrypt checks allowed at once.
func TestProfilePasswordCheckLimitedLikeSignIn(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	u := ts.signIn(t, models.RoleAuthor)
	for i := 0; i < newsroom.LoginMaxFailures; i++ {
		res, body := ts.postForm(t, "/admin/profile/password", passwordForm("guess number "+string(rune('a'+i))))
		wantStatus(t, res, http.StatusUnprocessableEntity)
		wantBody(t, body, "That is not your current password.")
	}
	res, body := ts.postForm(t, "/admin/profile/password", passwordForm(testPassword))
	wantStatus(t, res, http.StatusTooManyRequests)
	wantBody(t, body, "Too many wrong passwords.")
	if res.Header.Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
	// The guesses count against sign-in from the same address too.
	res, _ = ts.otherClient(t, "").login(t, u.Email, testPassword, "")
	wantStatus(t, res, http.StatusTooManyRequests)
	// After the window, the right password changes it.
	ts.Clock.Set(ts.Clock.Now().Add(newsroom.LoginWindow + time.Minute))
	ts.useSessionOf(t, u)
	res, _ = ts.postForm(t, "/admin/profile/password", passwordForm(testPassword))
	wantRedirect(t, res, "/admin/profile")
}

func TestProfilePasswordCheckWaitsForAFreeSlot(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ts.signIn(t, models.RoleAuthor)
	slots := ts.H.Site.Newsroom.PasswordSlots()
	for i := 0; i < cap(slots); i++ {
		slots <- struct{}{}
	}
	impatient := *ts
	client := *ts.Client
	client.Timeout = 300 * time.Millisecond
	impatient.Client = &client
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/admin/profile/password", strings.NewReader(passwordForm(testPassword).Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if res, err := impatient.Client.Do(req); err == nil {
		res.Body.Close()
		t.Fatalf("the profile answered %d while every password slot was busy", res.StatusCode)
	}
	for i := 0; i < cap(slots); i++ {
		<-slots
	}
	// With slots free, the check runs (the request given up on may have
	// run too, so the password is not asked to change here).
	res, body := ts.postForm(t, "/admin/profile/password", passwordForm("not the password"))
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, body, "That is not your current password.")
}
