package reader

import (
	"sync"
	"time"
)

// Rate is one limit: at most N events per Per.
type Rate struct {
	N   int
	Per time.Duration
}

// CommentRates limit how often one client may post comments.
func CommentRates() []Rate { return []Rate{{5, time.Minute}, {30, time.Hour}} }

// RateLimiter counts events per key (a client address) in memory, over
// sliding windows. It is safe for concurrent use. Being in memory, each
// server instance counts on its own, and a restart forgets.
type RateLimiter struct {
	now func() time.Time

	mu        sync.Mutex
	rates     []Rate
	seen      map[string][]time.Time // newest last, none older than the longest window
	lastSweep time.Time
}

func NewRateLimiter(now func() time.Time, rates ...Rate) *RateLimiter {
	return &RateLimiter{now: now, rates: rates, seen: map[string][]time.Time{}}
}

// SetRates replaces the limits; no rates means no limit.
func (l *RateLimiter) SetRates(rates ...Rate) {
	l.mu.Lock()
	l.rates = rates
	l.mu.Unlock()
}

// allow records an event for key and reports whether it is within every
// limit. When it is not, nothing is recorded and wait says how long until
// it would be.
func (l *RateLimiter) allow(key string) (ok bool, wait time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.rates) == 0 {
		return true, 0
	}
	now := l.now()
	longest := l.longest()
	if now.Sub(l.lastSweep) > longest {
		l.sweep(now, longest)
	}
	times := dropBefore(l.seen[key], now.Add(-longest))
	for _, r := range l.rates {
		recent := dropBefore(times, now.Add(-r.Per))
		if len(recent) >= r.N {
			w := recent[len(recent)-r.N].Add(r.Per).Sub(now)
			wait = max(wait, w)
		}
	}
	if wait > 0 {
		l.seen[key] = times
		return false, wait
	}
	l.seen[key] = append(times, now)
	return true, 0
}

func (l *RateLimiter) longest() time.Duration {
	var d time.Duration
	for _, r := range l.rates {
		d = max(d, r.Per)
	}
	return d
}

// sweep forgets keys with no event inside the longest window, so the map
// does not grow with every address ever seen.
func (l *RateLimiter) sweep(now time.Time, longest time.Duration) {
	for k, times := range l.seen {
		if len(dropBefore(times, now.Add(-longest))) == 0 {
			delete(l.seen, k)
		}
	}
	l.lastSweep = now
}

// dropBefore returns the times (oldest first) at or after t.
func dropBefore(times []time.Time, t time.Time) []time.Time {
	i := 0
	for i < len(times) && times[i].Before(t) {
		i++
	}
	return times[i:]
}
