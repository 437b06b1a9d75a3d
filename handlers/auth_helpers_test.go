package handlers

import (
	"context"
	"fmt"
	"html"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
	"golang.org/x/crypto/bcrypt"
)

// testPassword is the password of every user signIn creates.
const testPassword = "correct horse battery"

var (
	testHashOnce sync.Once
	testHash     string
	testUserSeq  atomic.Int64
)

// testPasswordHash hashes testPassword once per test run, at the low cost
// the test stores use (testOptions), so each sign-in compares quickly.
func testPasswordHash(t testing.TB) string {
	testHashOnce.Do(func() {
		h, err := bcrypt.GenerateFromPassword([]byte(testPassword), bcrypt.MinCost)
		if err != nil {
			t.Fatal(err)
		}
		testHash = string(h)
	})
	return testHash
}

// addUser stores a user with testPassword and returns it.
func (ts *testServer) addUser(t testing.TB, role string) models.User {
	t.Helper()
	n := testUserSeq.Add(1)
	u, err := ts.H.Users.Create(context.Background(), models.UserInput{
		Email: fmt.Sprintf("%s%d@newsroom.example", role, n), Name: fmt.Sprintf("Test %s %d", role, n),
		Role: role, PasswordHash: testPasswordHash(t),
	})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// signIn creates a user of role with testPassword and signs the test
// client in as them. It starts the session the way the sign-in form does,
// without the bcrypt comparison, so tests stay fast; the sign-in form
// itself is tested in auth_test.go.
func (ts *testServer) signIn(t testing.TB, role string) models.User {
	t.Helper()
	u := ts.addUser(t, role)
	ts.useSessionOf(t, u)
	return u
}

// useSessionOf puts a fresh session for u into the client's cookie jar.
func (ts *testServer) useSessionOf(t testing.TB, u models.User) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/admin/login", nil)
	rec := httptest.NewRecorder()
	c := echo.New().NewContext(req, rec)
	if err := ts.H.Site.Newsroom.StartSession(c, u); err != nil {
		t.Fatal(err)
	}
	base, err := url.Parse(ts.URL + "/admin")
	if err != nil {
		t.Fatal(err)
	}
	ts.Client.Jar.SetCookies(base, rec.Result().Cookies())
}

// otherClient returns a view of ts with a cookie jar of its own, as a
// second browser; with addr, its connections come from that loopback
// address (such as "127.0.0.2"), as a second machine.
func (ts *testServer) otherClient(t testing.TB, addr string) *testServer {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	tr := &http.Transport{}
	if addr != "" {
		d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(addr)}}
		tr.DialContext = d.DialContext
	}
	t.Cleanup(tr.CloseIdleConnections)
	other := *ts
	other.Client = &http.Client{
		Jar:           jar,
		Transport:     tr,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       30 * time.Second,
	}
	return &other
}

// postWith posts form to path with extra request headers.
func (ts *testServer) postWith(t testing.TB, path string, form url.Values, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	return ts.do(t, req)
}

// login posts the sign-in form.
func (ts *testServer) login(t testing.TB, email, password, next string) (*http.Response, string) {
	t.Helper()
	return ts.postForm(t, "/admin/login", url.Values{"email": {email}, "password": {password}, "next": {next}})
}

// auditActions returns the actions in the audit log, newest first.
func (ts *testServer) auditActions(t testing.TB) []string {
	t.Helper()
	list, _, err := ts.H.Audit.List(context.Background(), "", 1)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range list {
		out = append(out, e.Action+" "+e.UserName+" "+e.Detail)
	}
	return out
}

func wantStatus(t testing.TB, res *http.Response, want int) {
	t.Helper()
	if res.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d", res.Request.Method, res.Request.URL.Path, res.StatusCode, want)
	}
}

func wantRedirect(t testing.TB, res *http.Response, want string) {
	t.Helper()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != want {
		t.Fatalf("%s %s: %d to %q, want 303 to %q", res.Request.Method, res.Request.URL.Path,
			res.StatusCode, res.Header.Get("Location"), want)
	}
}

func wantBody(t testing.TB, body string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(body, w) && !strings.Contains(body, html.EscapeString(w)) {
			t.Errorf("page lacks %q", w)
		}
	}
}
