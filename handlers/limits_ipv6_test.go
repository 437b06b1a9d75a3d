package handlers

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/handlers/newsroom"
)

// TestLimitsGroupIPv6ByPrefix sends sign-in guesses and comments from new
// addresses of one IPv6 /64, as a client that picks a new address for
// every request would: the limits count them as one client, and a client
// in the next /64 is not held up by them.
func TestLimitsGroupIPv6ByPrefix(t *testing.T) {
	t.Parallel()
	proxies, err := kit.ParseProxies([]string{"127.0.0.1", "::1"})
	if err != nil {
		t.Fatal(err)
	}
	ts, _ := newTestServerWith(t, serverOptions{demo: true, proxies: proxies})
	from := func(addr string) map[string]string { return map[string]string{"X-Forwarded-For": addr} }
	signIn := func(i int, addr string) int {
		form := url.Values{"email": {fmt.Sprintf("guess%d@example.com", i)}, "password": {"wrong"}}
		res, _ := ts.postWith(t, "/admin/login", form, from(addr))
		return res.StatusCode
	}
	for i := 0; i < newsroom.LoginMaxFailures; i++ {
		if code := signIn(i, fmt.Sprintf("2001:db8:1:2::%x", i+1)); code != http.StatusUnprocessableEntity {
			t.Fatalf("guess %d: %d", i, code)
		}
	}
	if code := signIn(99, "2001:db8:1:2:ffff:1:2:3"); code != http.StatusTooManyRequests {
		t.Errorf("another address in the same /64: %d, want 429", code)
	}
	if code := signIn(100, "2001:db8:1:3::1"); code != http.StatusUnprocessableEntity {
		t.Errorf("an address in the next /64: %d, want 422 (wrong password, not limited)", code)
	}

	limited := 0
	for i := 0; i < 8; i++ {
		form := commentForm(fmt.Sprintf("Comment number %d on the summit.", i), "Ada Reader")
		res, _ := ts.postWith(t, commentsURL, form, from(fmt.Sprintf("2001:db8:9:9::%x", 100+i)))
		if res.StatusCode == http.StatusTooManyRequests {
			limited++
		}
	}
	if limited == 0 {
		t.Error("eight comments in a minute from one /64 were all taken")
	}
	res, _ := ts.postWith(t, commentsURL, commentForm("A word from the next network.", "Bo"), from("2001:db8:9:a::1"))
	if res.StatusCode == http.StatusTooManyRequests {
		t.Error("a client in the next /64 was limited")
	}
}
