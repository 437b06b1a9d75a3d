package handlers

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/newsroom/news/models"
)

// signIn creates a user of role and makes the test client send it to the
// stand-in admin group. Deleted with zz_auth_stub.go.
func (ts *testServer) signIn(t testing.TB, role string) models.User {
	t.Helper()
	u, err := ts.H.Users.Create(t.Context(), models.UserInput{
		Email: role + "@example.com", Name: "Test " + role, Role: role})
	if err != nil {
		t.Fatal(err)
	}
	ts.Client.Transport = stubTransport{user: fmt.Sprintf("%d|%s|%s", u.ID, u.Role, u.Name)}
	return u
}

type stubTransport struct{ user string }

func (s stubTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("X-Stub-User", s.user)
	return http.DefaultTransport.RoundTrip(r)
}
