package models

import (
	"context"
	"errors"
	"runtime"
	"sync/atomic"

	"golang.org/x/sync/semaphore"
)

// ErrBusy means too many image jobs are already waiting for memory; the
// request should be tried again shortly.
var ErrBusy = errors.New("models: too many pictures are being prepared; try again in a moment")

// gcAfter is the size of a job after which its garbage is collected before
// its share of the budget is handed on.
const gcAfter = 16 << 20

// MemoryBudget is the one budget, for the whole process, of the memory that
// decoding and resizing images may use at once. Each job reserves what it
// will allocate (counted from the image's header) before it starts; a job
// larger than the whole budget waits to run alone.
type MemoryBudget struct {
	sem        *semaphore.Weighted
	total      int64
	waiting    atomic.Int64
	maxWaiting int64
}

// NewMemoryBudget returns a budget of total bytes; at most maxWaiting jobs
// wait for it at once, and any more are refused with ErrBusy.
func NewMemoryBudget(total int64, maxWaiting int) *MemoryBudget {
	return &MemoryBudget{sem: semaphore.NewWeighted(total), total: total, maxWaiting: int64(max(1, maxWaiting))}
}

// Total is the size of the budget in bytes.
func (b *MemoryBudget) Total() int64 { return b.total }

// Reserve waits until n bytes of the budget are free and returns the
// release, or ErrBusy when too many jobs are waiting already, or the
// context's error.
func (b *MemoryBudget) Reserve(ctx context.Context, n int64) (release func(), err error) {
	n = min(max(n, 1), b.total)
	if !b.sem.TryAcquire(n) {
		if b.waiting.Add(1) > b.maxWaiting {
			b.waiting.Add(-1)
			return nil, ErrBusy
		}
		err := b.sem.Acquire(ctx, n)
		b.waiting.Add(-1)
		if err != nil {
			return nil, err
		}
	}
	return func() {
		// A job's garbage would otherwise stay on the heap while the next
		// job allocates its own: collecting it first makes the budget bound
		// the heap, not only what is live. Large jobs take long enough
		// that one collection costs little beside them.
		if n >= gcAfter {
			runtime.GC()
		}
		b.sem.Release(n)
	}, nil
}
