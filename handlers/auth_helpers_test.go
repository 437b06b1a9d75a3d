package handlers

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"

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

// testPasswordHash hashes testPassword once per test run: bcrypt at cost
// 12 is slow on purpose.
func testPasswordHash(t testing.TB) string {
	testHashOnce.Do(func() {
		h, err := bcrypt.GenerateFromPassword([]byte(testPassword), models.PasswordCost)
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
	ts.H.startSession(c, u)
	base, err := url.Parse(ts.URL + "/admin")
	if err != nil {
		t.Fatal(err)
	}
	ts.Client.Jar.SetCookies(base, rec.Result().Cookies())
}
