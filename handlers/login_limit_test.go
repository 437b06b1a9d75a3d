package handlers

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsroom/news/handlers/newsroom"
)

func TestSignInRateLimit(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	u := ts.addUser(t, "editor")
	for i := 0; i < newsroom.LoginMaxFailures; i++ {
		res, _ := ts.login(t, u.Email, "wrong password", "")
		wantStatus(t, res, http.StatusUnprocessableEntity)
	}
	// Even the right password is refused from this address now.
	res, body := ts.login(t, u.Email, testPassword, "")
	wantStatus(t, res, http.StatusTooManyRequests)
	wantBody(t, body, "Too many failed sign-in attempts", "wait 15 minutes", `value="`+u.Email+`"`)
	if res.Header.Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
	// From another machine the editor gets in.
	other := ts.otherClient(t, "127.0.0.2")
	res, _ = other.login(t, u.Email, testPassword, "")
	wantRedirect(t, res, "/admin")
	// After 15 minutes the first address may try again.
	ts.Clock.Set(testNow.Add(newsroom.LoginWindow + time.Minute))
	res, _ = ts.login(t, u.Email, testPassword, "")
	wantRedirect(t, res, "/admin")
}

func TestPasswordChecksWaitForAFreeSlot(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	u := ts.addUser(t, "editor")
	for i := 0; i < cap(ts.H.Site.Newsroom.PasswordSlots()); i++ {
		ts.H.Site.Newsroom.PasswordSlots() <- struct{}{}
	}
	impatient := ts.otherClient(t, "")
	impatient.Client.Timeout = 300 * time.Millisecond
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/admin/login",
		strings.NewReader(url.Values{"email": {u.Email}, "password": {testPassword}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if res, err := impatient.Client.Do(req); err == nil {
		res.Body.Close()
		t.Fatalf("sign-in answered %d while every slot was busy", res.StatusCode)
	}
	for i := 0; i < cap(ts.H.Site.Newsroom.PasswordSlots()); i++ {
		<-ts.H.Site.Newsroom.PasswordSlots()
	}
	res, _ := ts.login(t, u.Email, testPassword, "")
	wantRedirect(t, res, "/admin")
}

func TestSignInFloodFromOneAddress(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	u := ts.addUser(t, "editor")
	var wg sync.WaitGroup
	var mu sync.Mutex
	codes := map[int]int{}
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := ts.otherClient(t, "")
			res, _ := c.login(t, u.Email, fmt.Sprintf("guess %d", i), "")
			mu.Lock()
			codes[res.StatusCode]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	if codes[http.StatusUnprocessableEntity] != newsroom.LoginMaxFailures || codes[http.StatusTooManyRequests] != 20-newsroom.LoginMaxFailures {
		t.Errorf("20 guesses sent together: %v", codes)
	}
}
