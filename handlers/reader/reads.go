package reader

import (
	"context"
	"net/http"
	"regexp"
	"strconv"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
)

// Reads are counted by a beacon: the article page asks for /read/ID as an
// image. No cache may keep the answer (no-store), so the count is right
// when pages come from a CDN; the answer is 204 from memory; no cookie is
// set and no address is stored. Counts are written once a minute in one
// transaction.
const (
	readFlushEvery = time.Minute
	// readMaxArticles bounds the distinct articles counted between two
	// flushes, so made-up ids cannot grow the map without end.
	readMaxArticles = 20000
)

// ReadRates limit how many reads one address counts, in memory only.
func ReadRates() []Rate { return []Rate{{30, time.Minute}, {300, time.Hour}} }

// botAgent matches the user agents of crawlers, link previews, scripts and
// headless browsers, whose requests are not reads.
var botAgent = regexp.MustCompile(`(?i)bot\b|bot/|crawl|spider|slurp|preview|facebookexternalhit|embedly|` +
	`curl|wget|python|go-http-client|java/|libwww|okhttp|headless|lighthouse|phantomjs|scrapy|feed|monitor|uptime`)

// readCounter counts reads in memory until they are flushed.
type readCounter struct {
	mu     sync.Mutex
	counts map[int64]int
	limit  *RateLimiter
}

func newReadCounter(now func() time.Time) *readCounter {
	return &readCounter{counts: map[int64]int{}, limit: NewRateLimiter(now, ReadRates()...)}
}

// take returns the counts so far and starts again.
func (rc *readCounter) take() map[int64]int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	out := rc.counts
	rc.counts = map[int64]int{}
	return out
}

func (rc *readCounter) add(id int64) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if _, ok := rc.counts[id]; ok || len(rc.counts) < readMaxArticles {
		rc.counts[id]++
	}
}

// ReadBeacon answers /read/:id with 204, counting a read of article id
// unless the request comes from a bot or a prefetch, or its address has
// read more than ReadRates allow.
func (h *Handler) ReadBeacon(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "no-store")
	req := c.Request()
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	prefetch := req.Header.Get("Sec-Purpose") != "" || req.Header.Get("Purpose") == "prefetch"
	ua := req.UserAgent()
	if err == nil && id > 0 && !prefetch && ua != "" && !botAgent.MatchString(ua) {
		if ok, _ := h.reads.limit.allow(c.RealIP()); ok {
			h.reads.add(id)
		}
	}
	return c.NoContent(http.StatusNoContent)
}

// CountReads writes the counted reads to the database every minute until
// ctx ends, then once more, so a clean shutdown loses none.
func (h *Handler) CountReads(ctx context.Context) {
	t := time.NewTicker(readFlushEvery)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			h.FlushReads(ctx)
		case <-ctx.Done():
			h.FlushReads(context.Background())
			return
		}
	}
}

// FlushReads writes the reads counted so far, in one transaction.
func (h *Handler) FlushReads(ctx context.Context) {
	counts := h.reads.take()
	if err := h.Articles.AddReads(ctx, counts, h.Now()); err != nil {
		h.Logger.Error("write read counts", "articles", len(counts), "err", err)
	}
}
