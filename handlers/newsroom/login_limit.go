package newsroom

import (
	"strings"
	"sync"
	"time"
)

// Sign-in limits: after LoginMaxFailures failed attempts within
// LoginWindow, further attempts are refused until the oldest failure is
// older than the window.
const (
	LoginMaxFailures = 5
	LoginWindow      = 15 * time.Minute
	// LoginMaxKeys is the size past which expired entries are swept, at
	// most once a minute, so memory follows the failures of the last 15
	// minutes and a sweep never runs on every request.
	LoginMaxKeys = 10000
)

// loginLimiter counts failed sign-ins in memory, per client address, per
// account, and per (account, address) pair.
//
// The per-address limit stops one machine from guessing: after 5 failures
// within 15 minutes, its next attempt, whatever the account, is refused.
//
// The per-account limit must not let an attacker lock the real person out.
// A plain "5 failures and the account is locked" would do exactly that:
// anyone who knows an editor's email could keep them out of the newsroom
// from anywhere. So once an account has 5 recent failures it is not locked
// for everyone: an address that has already failed against it in the
// window is refused, while an address with no failure against it still
// gets its attempt checked. The attacker's address is refused (both limits
// say so), and the editor signing in from their own machine gets in. An
// attacker with many addresses gets at most one guess per address per 15
// minutes on that account, instead of five.
//
// The counts live in memory: a restart forgets them, and each server of
// several counts its own. Refused attempts are not counted, so each list
// holds at most a handful of times per address.
type loginLimiter struct {
	mu      sync.Mutex
	now     func() time.Time
	addr    map[string][]time.Time
	account map[string][]time.Time
	pair    map[string][]time.Time
	swept   time.Time
}

func newLoginLimiter(now func() time.Time) *loginLimiter {
	return &loginLimiter{
		now:     now,
		addr:    map[string][]time.Time{},
		account: map[string][]time.Time{},
		pair:    map[string][]time.Time{},
	}
}

func accountKey(email string) string {
	email = strings.ToLower(strings.TrimSpace(email))
	if len(email) > 254 {
		email = email[:254]
	}
	return email
}

// recent drops the failures older than the window from m[k] and returns
// what is left.
func (l *loginLimiter) recent(m map[string][]time.Time, k string, now time.Time) []time.Time {
	list := m[k]
	i := 0
	for i < len(list) && now.Sub(list[i]) >= LoginWindow {
		i++
	}
	list = list[i:]
	if len(list) == 0 {
		delete(m, k)
		return nil
	}
	m[k] = list
	return list
}

// attempt reports whether a sign-in for email from addr may be checked;
// if not, wait is how long until it may. An allowed attempt is counted as
// a failure at once, before the slow password check, so that many
// requests sent together cannot all slip in before the first one fails;
// succeed takes it back.
func (l *loginLimiter) attempt(email, addr string) (ok bool, wait time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	acct := accountKey(email)
	pair := acct + "\x00" + addr
	byAddr := l.recent(l.addr, addr, now)
	byAcct := l.recent(l.account, acct, now)
	byPair := l.recent(l.pair, pair, now)
	if len(byAddr) >= LoginMaxFailures {
		return false, LoginWindow - now.Sub(byAddr[len(byAddr)-LoginMaxFailures])
	}
	if len(byAcct) >= LoginMaxFailures && len(byPair) > 0 {
		return false, LoginWindow - now.Sub(byPair[0])
	}
	if len(l.pair) > LoginMaxKeys && now.Sub(l.swept) >= time.Minute {
		l.sweep(now)
		l.swept = now
	}
	l.addr[addr] = append(byAddr, now)
	l.account[acct] = append(byAcct, now)
	l.pair[pair] = append(byPair, now)
	return true, 0
}

// succeed takes back the attempt counted for a sign-in that got the
// password right, and forgets this address's failures on the account.
func (l *loginLimiter) succeed(email, addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	acct := accountKey(email)
	dropLast(l.addr, addr)
	dropLast(l.account, acct)
	delete(l.pair, acct+"\x00"+addr)
}

func dropLast(m map[string][]time.Time, k string) {
	if list := m[k]; len(list) > 1 {
		m[k] = list[:len(list)-1]
	} else {
		delete(m, k)
	}
}

func (l *loginLimiter) sweep(now time.Time) {
	for _, m := range []map[string][]time.Time{l.addr, l.account, l.pair} {
		for k := range m {
			l.recent(m, k, now)
		}
	}
}
