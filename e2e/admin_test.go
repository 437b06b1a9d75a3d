package e2e

import (
	"net/http"
	"os/exec"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// account is a newsroom account a journey signs in with.
type account struct {
	Email, Name, Role, Password string
}

var (
	editor = account{"edna@example.com", "Edna Editor", "editor", "ink-and-paper-2026"}
	author = account{"arlo@example.com", "Arlo Author", "author", "byline-please-2026"}
	admin  = account{"ada@example.com", "Ada Admin", "admin", "keys-to-the-press-2026"}
)

// addAccount creates the account with the binary's own command, the
// password on standard input as an admin would type it.
func addAccount(t *testing.T, st *site, a account) {
	t.Helper()
	cmd := exec.Command(st.bin, "user", "add", "--db", st.DBPath, "--email", a.Email, "--name", a.Name, "--role", a.Role)
	cmd.Stdin = strings.NewReader(a.Password + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("news user add %s: %v\n%s", a.Email, err, out)
	}
}

// signIn fills in the sign-in form the tab is on and sends it; the
// newsroom page it leads to must answer 200.
func signIn(t *testing.T, tb *tab, a account) {
	t.Helper()
	if !strings.HasPrefix(tb.path(), "/admin/login") {
		t.Fatalf("expected the sign-in page, at %s", tb.path())
	}
	tb.do("fill in the sign-in form",
		chromedp.SendKeys(chromedp.ID("email"), a.Email),
		chromedp.SendKeys(chromedp.ID("password"), a.Password))
	tb.follow(`form[action="/admin/login"] button[type=submit]`, http.StatusOK)
	if p := tb.path(); strings.HasPrefix(p, "/admin/login") {
		t.Fatalf("%s could not sign in: %s", a.Email, tb.text("main"))
	}
}

// signInJourney: a signed-out visitor who opens the newsroom is sent to the
// sign-in page; a wrong password is refused with the email kept; the right
// one leads to the newsroom.
func signInJourney(t *testing.T, s *suite) {
	st := startSite(t, s, nil)
	addAccount(t, st, editor)
	tb := newTab(t, s, st)

	tb.open("/admin", http.StatusOK)
	if p := tb.path(); !strings.HasPrefix(p, "/admin/login") {
		t.Fatalf("a signed-out visitor to /admin was shown %s, not the sign-in page", p)
	}
	tb.checkAccessible(s, "sign-in page")
	tb.clean("sign-in page")

	tb.do("type a wrong password",
		chromedp.SendKeys(chromedp.ID("email"), editor.Email),
		chromedp.SendKeys(chromedp.ID("password"), "not-the-password"))
	tb.navigateBy("send a wrong password", http.StatusUnprocessableEntity,
		chromedp.Click(chromedp.CSS(`form[action="/admin/login"] button[type=submit]`)))
	if got := tb.attr("#email", "value"); got != editor.Email {
		t.Errorf("after a wrong password the email field holds %q, want it kept", got)
	}
	if tb.count(`[role="alert"]`) == 0 {
		t.Errorf("a wrong password gets no message")
	}
	tb.checkAccessible(s, "sign-in page with an error")
	tb.clean("sign-in page with an error")

	tb.do("clear the email", chromedp.Clear(chromedp.ID("email")))
	signIn(t, tb, editor)
	if p := tb.path(); p != "/admin" {
		t.Errorf("signing in from /admin led to %s", p)
	}
	if !strings.Contains(tb.text("main"), editor.Name) {
		t.Errorf("the newsroom does not greet %s", editor.Name)
	}
	tb.checkAccessible(s, "newsroom dashboard")
	tb.clean("newsroom dashboard")
}
