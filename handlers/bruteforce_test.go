package handlers

import (
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/newsroom/news/handlers/newsroom"
	"github.com/newsroom/news/models"
)

// signInFrom posts the sign-in form as a browser behind the trusted proxy
// at addr would, and returns the status.
func signInFrom(t testing.TB, ts *testServer, client *http.Client, addr, email, password string) int {
	t.Helper()
	form := url.Values{"email": {email}, "password": {password}}
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/admin/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Forwarded-For", addr)
	res, err := client.Do(req)
	if err != nil {
		t.Error(err)
		return 0
	}
	res.Body.Close()
	return res.StatusCode
}

// 1,000 wrong passwords against one account from one address, sent 20 at
// a time as a guessing script would: all but a handful are refused by the
// limiter without being checked, none gets in, and the owner signing in
// from another address afterwards gets in at once.
func TestBruteForceIsRefused(t *testing.T) {
	t.Parallel()
	_, loopback, _ := net.ParseCIDR("127.0.0.1/32")
	ts, _ := newTestServerWith(t, serverOptions{proxies: []*net.IPNet{loopback}})
	victim := ts.addUser(t, models.RoleAdmin)

	const attempts, workers = 1000, 20
	statuses := map[int]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	jobs := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{CheckRedirect: ts.Client.CheckRedirect}
			for i := range jobs {
				st := signInFrom(t, ts, client, "203.0.113.66", victim.Email, "guess-"+string(rune('a'+i%26))+"x")
				mu.Lock()
				statuses[st]++
				mu.Unlock()
			}
		}()
	}
	for i := range attempts {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	t.Logf("1,000 wrong passwords from one address: %v", statuses)
	if statuses[http.StatusSeeOther] != 0 {
		t.Fatalf("a wrong password signed in: %v", statuses)
	}
	if refused := statuses[http.StatusTooManyRequests]; refused < attempts-newsroom.LoginMaxFailures {
		t.Errorf("%d of %d refused by the limiter (429), want at least %d: %v", refused, attempts, attempts-newsroom.LoginMaxFailures, statuses)
	}
	if checked := statuses[http.StatusUnprocessableEntity]; checked > newsroom.LoginMaxFailures {
		t.Errorf("%d wrong passwords were checked, want at most %d", checked, newsroom.LoginMaxFailures)
	}

	// The owner, from their own address, right password: in.
	if st := signInFrom(t, ts, ts.Client, "198.51.100.20", victim.Email, testPassword); st != http.StatusSeeOther {
		t.Fatalf("owner from another address: %d, want 303", st)
	}
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/admin", nil)
	req.Header.Set("X-Forwarded-For", "198.51.100.20")
	if res, _ := ts.do(t, req); res.StatusCode != http.StatusOK {
		t.Errorf("owner's dashboard: %d", res.StatusCode)
	}
	// The attacker's address stays refused, right password or not.
	if st := signInFrom(t, ts, &http.Client{CheckRedirect: ts.Client.CheckRedirect}, "203.0.113.66", victim.Email, testPassword); st != http.StatusTooManyRequests {
		t.Errorf("attacker's address with the right password: %d, want 429", st)
	}
}
