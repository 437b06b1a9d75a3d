package reader

import (
	"context"
	"sync"
	"time"
)

// The sidebar's Most read lists are worked out at most every
// MostReadEvery and kept in memory meanwhile. Reader pages showing them
// expire when they are due again (pagecache.Until): they change by time, never
// by a purge, so counting reads drops no cached page.
const (
	MostReadEvery = 10 * time.Minute
	mostReadCount = 5
)

// mostReadCache holds the lists and when they were worked out.
type mostReadCache struct {
	mu    sync.Mutex
	at    time.Time
	lists MostRead
}

// mostRead returns the lists and the moment they are next worked out.
func (h *Handler) mostRead(ctx context.Context) (MostRead, time.Time, error) {
	now := h.Now()
	mc := &h.mostReadLists
	mc.mu.Lock()
	defer mc.mu.Unlock()
	if !mc.at.IsZero() && now.Sub(mc.at) < MostReadEvery && !now.Before(mc.at) {
		return mc.lists, mc.at.Add(MostReadEvery), nil
	}
	today, err := h.Articles.MostRead(ctx, now.Add(-24*time.Hour), mostReadCount)
	if err != nil {
		return MostRead{}, time.Time{}, err
	}
	week, err := h.Articles.MostRead(ctx, now.Add(-7*24*time.Hour), mostReadCount)
	if err != nil {
		return MostRead{}, time.Time{}, err
	}
	mc.at, mc.lists = now, MostRead{Today: today, Week: week}
	return mc.lists, now.Add(MostReadEvery), nil
}
