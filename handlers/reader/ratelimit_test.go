package reader

import (
	"testing"
	"time"
)

func TestRateLimiterWindowsAndKeys(t *testing.T) {
	t.Parallel()
	testNow := time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)
	now := testNow
	l := NewRateLimiter(func() time.Time { return now }, Rate{2, time.Minute}, Rate{3, time.Hour})
	for i, want := range []bool{true, true, false} {
		if ok, _ := l.allow("a"); ok != want {
			t.Fatalf("event %d: %v, want %v", i, ok, want)
		}
	}
	if ok, _ := l.allow("b"); !ok {
		t.Error("another client is limited by the first one's posts")
	}
	now = testNow.Add(30 * time.Second)
	if ok, wait := l.allow("a"); ok || wait != 30*time.Second {
		t.Errorf("within the minute: %v, wait %v, want refused for 30s", ok, wait)
	}
	now = testNow.Add(61 * time.Second)
	if ok, _ := l.allow("a"); !ok {
		t.Error("a minute later still refused")
	}
	if ok, wait := l.allow("a"); ok || wait < 58*time.Minute {
		t.Errorf("fourth in the hour: %v, wait %v", ok, wait)
	}
	// Addresses quiet for longer than the longest window are forgotten.
	now = testNow.Add(3 * time.Hour)
	l.allow("c")
	l.mu.Lock()
	n := len(l.seen)
	l.mu.Unlock()
	if n != 1 {
		t.Errorf("%d addresses remembered, want 1", n)
	}
}
