package handlers

import (
	"fmt"
	"net/http"
	"testing"
	"time"
)

func TestLimiterRefusesAfterFiveFailures(t *testing.T) {
	t.Parallel()
	clk := &clock{t: testNow}
	l := newLoginLimiter(clk.Now)
	for i := 0; i < loginMaxFailures; i++ {
		if ok, _ := l.allow("ed@example.com", "10.0.0.1"); !ok {
			t.Fatalf("attempt %d refused", i+1)
		}
		l.fail("ed@example.com", "10.0.0.1")
	}
	ok, wait := l.allow("ed@example.com", "10.0.0.1")
	if ok || wait <= 0 || wait > loginWindow {
		t.Fatalf("6th attempt: ok=%v wait=%v", ok, wait)
	}
	// Other accounts from the same address are refused too.
	if ok, _ := l.allow("someone@example.com", "10.0.0.1"); ok {
		t.Error("the address may go on guessing another account")
	}
	// The account's owner from another address still gets in.
	if ok, _ := l.allow("ED@example.com ", "10.0.0.2"); !ok {
		t.Error("the real user is locked out from a clean address")
	}
	clk.Set(testNow.Add(loginWindow + time.Second))
	if ok, _ := l.allow("ed@example.com", "10.0.0.1"); !ok {
		t.Error("still refused after the window passed")
	}
}

func TestLimiterAgainstManyGuesses(t *testing.T) {
	t.Parallel()
	clk := &clock{t: testNow}
	l := newLoginLimiter(clk.Now)
	// 1000 wrong passwords against one account from one address, one a second.
	checked := 0
	for i := 0; i < 1000; i++ {
		clk.Set(testNow.Add(time.Duration(i) * time.Second))
		if ok, _ := l.allow("ed@example.com", "203.0.113.9"); ok {
			checked++
			l.fail("ed@example.com", "203.0.113.9")
		}
	}
	// 1000 seconds is under 17 minutes: two windows at most.
	if checked > 2*loginMaxFailures {
		t.Errorf("%d of 1000 guesses were checked", checked)
	}
	if ok, _ := l.allow("ed@example.com", "198.51.100.7"); !ok {
		t.Error("the right password from another address is refused")
	}
	// An attacker spreading guesses over many addresses gets one guess
	// per address once the account has had 5 failures.
	spread := 0
	for i := 0; i < 50; i++ {
		addr := fmt.Sprintf("192.0.2.%d", i)
		for j := 0; j < 5; j++ {
			if ok, _ := l.allow("ed@example.com", addr); ok {
				spread++
				l.fail("ed@example.com", addr)
			}
		}
	}
	if spread != 50 {
		t.Errorf("50 addresses got %d guesses, want 50", spread)
	}
}

func TestLimiterMemoryIsBounded(t *testing.T) {
	t.Parallel()
	clk := &clock{t: testNow}
	l := newLoginLimiter(clk.Now)
	for i := 0; i < 3*loginMaxKeys; i++ {
		if i%loginMaxKeys == 0 {
			clk.Set(clk.Now().Add(loginWindow))
		}
		l.fail(fmt.Sprintf("user%d@example.com", i), fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255))
	}
	// Only the last batch is within the window; one earlier batch may
	// wait for the next sweep.
	if n := len(l.pair); n > 2*loginMaxKeys+1 {
		t.Errorf("%d keys kept", n)
	}
}

func TestSignInRateLimit(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	u := ts.addUser(t, "editor")
	for i := 0; i < loginMaxFailures; i++ {
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
	ts.Clock.Set(testNow.Add(loginWindow + time.Minute))
	res, _ = ts.login(t, u.Email, testPassword, "")
	wantRedirect(t, res, "/admin")
}
