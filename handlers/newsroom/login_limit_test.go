package newsroom

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestLimiterRefusesAfterFiveFailures(t *testing.T) {
	t.Parallel()
	clk := &clock{t: testNow}
	l := newLoginLimiter(clk.Now)
	for i := 0; i < LoginMaxFailures; i++ {
		if ok, _ := l.attempt("ed@example.com", "10.0.0.1"); !ok {
			t.Fatalf("attempt %d refused", i+1)
		}
	}
	ok, wait := l.attempt("ed@example.com", "10.0.0.1")
	if ok || wait <= 0 || wait > LoginWindow {
		t.Fatalf("6th attempt: ok=%v wait=%v", ok, wait)
	}
	// Other accounts from the same address are refused too.
	if ok, _ := l.attempt("someone@example.com", "10.0.0.1"); ok {
		t.Error("the address may go on guessing another account")
	}
	// The account's owner from another address still gets in.
	if ok, _ := l.attempt("ED@example.com ", "10.0.0.2"); !ok {
		t.Error("the real user is locked out from a clean address")
	}
	clk.Set(testNow.Add(LoginWindow + time.Second))
	if ok, _ := l.attempt("ed@example.com", "10.0.0.1"); !ok {
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
		if ok, _ := l.attempt("ed@example.com", "203.0.113.9"); ok {
			checked++
		}
	}
	// 1000 seconds is under 17 minutes: two windows at most.
	if checked > 2*LoginMaxFailures {
		t.Errorf("%d of 1000 guesses were checked", checked)
	}
	if ok, _ := l.attempt("ed@example.com", "198.51.100.7"); !ok {
		t.Error("the right password from another address is refused")
	}
	// An attacker spreading guesses over many addresses gets one guess
	// per address once the account has had 5 failures.
	spread := 0
	for i := 0; i < 50; i++ {
		addr := fmt.Sprintf("192.0.2.%d", i)
		for j := 0; j < 5; j++ {
			if ok, _ := l.attempt("ed@example.com", addr); ok {
				spread++
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
	for i := 0; i < 3*LoginMaxKeys; i++ {
		if i%LoginMaxKeys == 0 {
			clk.Set(clk.Now().Add(LoginWindow))
		}
		l.attempt(fmt.Sprintf("user%d@example.com", i), fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255))
	}
	// Only the last batch is within the window; one earlier batch may
	// wait for the next sweep.
	if n := len(l.pair); n > 2*LoginMaxKeys+1 {
		t.Errorf("%d keys kept", n)
	}
}

func TestLimiterCountsAttemptsSentTogether(t *testing.T) {
	t.Parallel()
	l := newLoginLimiter((&clock{t: testNow}).Now)
	var wg sync.WaitGroup
	var allowed atomic.Int64
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ok, _ := l.attempt("ed@example.com", "10.0.0.1"); ok {
				allowed.Add(1)
			}
		}()
	}
	wg.Wait()
	if n := allowed.Load(); n != LoginMaxFailures {
		t.Errorf("%d of 100 simultaneous attempts were let through, want %d", n, LoginMaxFailures)
	}
}

func TestLimiterSuccessIsNotAFailure(t *testing.T) {
	t.Parallel()
	l := newLoginLimiter((&clock{t: testNow}).Now)
	for i := 0; i < LoginMaxFailures-1; i++ {
		l.attempt("ed@example.com", "10.0.0.1")
	}
	l.attempt("ed@example.com", "10.0.0.1")
	l.succeed("ed@example.com", "10.0.0.1")
	if ok, _ := l.attempt("ed@example.com", "10.0.0.1"); !ok {
		t.Error("a right password counted as a failure")
	}
	if ok, _ := l.attempt("ed@example.com", "10.0.0.1"); ok {
		t.Error("a 6th failure was let through")
	}
}
