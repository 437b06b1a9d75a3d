package live

import "sync"

// PerAddress counts open streams by client address and refuses more than
// Max from one address.
type PerAddress struct {
	Max int
	mu  sync.Mutex
	n   map[string]int
}

// NewPerAddress returns a limiter allowing max open streams per address.
func NewPerAddress(max int) *PerAddress { return &PerAddress{Max: max, n: map[string]int{}} }

// Acquire takes a slot for addr; false when addr has Max open already.
func (p *PerAddress) Acquire(addr string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.n[addr] >= p.Max {
		return false
	}
	p.n[addr]++
	return true
}

// Release gives back a slot Acquire took.
func (p *PerAddress) Release(addr string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.n[addr] <= 1 {
		delete(p.n, addr)
		return
	}
	p.n[addr]--
}
