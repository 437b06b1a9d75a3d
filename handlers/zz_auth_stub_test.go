package handlers

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"testing"

	"github.com/newsroom/news/models"
)

// signIn creates a user with role and signs the test client in as them.
func (ts *testServer) signIn(t testing.TB, role string) models.User {
	t.Helper()
	var b [6]byte
	rand.Read(b[:])
	id := hex.EncodeToString(b[:])
	u, err := ts.H.Users.Create(context.Background(), models.UserInput{
		Email: role + id + "@example.com", Name: "Test " + role + " " + id, Role: role})
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse(ts.URL)
	ts.Client.Jar.SetCookies(base, []*http.Cookie{{Name: stubCookie, Value: stubStart(u), Path: "/"}})
	return u
}
