package newsroom

import (
	"sync"
	"time"
)

// testNow is the fixed moment tests run at.
var testNow = time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)

// clock is a settable clock for tests.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }
