package live

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
)

// Source answers what a stream needs to know of an article.
type Source interface {
	// Open reports whether articleID is a published article covered live
	// now; false, nil for one whose coverage ended or never ran.
	Open(ctx context.Context, articleID int64) (bool, error)
	// Missed returns the entries after afterID, oldest first, encoded.
	Missed(ctx context.Context, articleID, afterID int64) ([]Message, error)
}

// Defaults for a Stream.
const (
	// Heartbeat is how often an idle stream sends a comment line, so that
	// proxies keep it open.
	Heartbeat = 20 * time.Second
	// WriteTimeout bounds each write to a stream; a reader who stops
	// reading is let go.
	WriteTimeout = 10 * time.Second
	// MaxPerAddress is how many streams one client address may hold open
	// (a household or an office behind one address has several readers).
	MaxPerAddress = 32
	// retryMillis is how soon a browser reconnects after losing a stream.
	retryMillis = 3000
)

// Stream serves GET /live/:id/events.
type Stream struct {
	Hub       *Hub
	Source    Source
	Limit     *PerAddress
	Heartbeat time.Duration
}

// NewStream returns a stream handler with the default heartbeat and cap.
func NewStream(hub *Hub, src Source) *Stream {
	return &Stream{Hub: hub, Source: src, Limit: NewPerAddress(MaxPerAddress), Heartbeat: Heartbeat}
}

// lastSeen is the id of the last entry the reader has: the Last-Event-ID
// a reconnecting browser sends, or ?after= from the page's newest entry.
func lastSeen(r *http.Request) int64 {
	v := r.Header.Get("Last-Event-ID")
	if v == "" {
		v = r.URL.Query().Get("after")
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return -1
	}
	return n
}

// Serve streams an article's new entries until the reader leaves or the
// server shuts down.
func (s *Stream) Serve(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return echo.ErrNotFound
	}
	req := c.Request()
	ctx := req.Context()
	open, err := s.Source.Open(ctx, id)
	if err != nil {
		return err
	}
	if !open {
		// 204 tells EventSource to stop reconnecting: the coverage is over.
		return c.NoContent(http.StatusNoContent)
	}
	addr := c.RealIP()
	if !s.Limit.Acquire(addr) {
		c.Response().Header().Set("Retry-After", "30")
		return echo.NewHTTPError(http.StatusTooManyRequests, "too many live streams from one address")
	}
	defer s.Limit.Release(addr)
	sub, ok := s.Hub.Subscribe(id)
	if !ok {
		return echo.NewHTTPError(http.StatusServiceUnavailable, "shutting down")
	}
	defer s.Hub.Unsubscribe(sub)
	// Subscribed first, then the replay: nothing posted in between is lost,
	// and what arrives twice is skipped by id.
	last := lastSeen(req)
	var missed []Message
	if last >= 0 {
		if missed, err = s.Source.Missed(ctx, id, last); err != nil {
			return err
		}
	}
	w := newWriter(c)
	if err := w.start(); err != nil {
		return nil
	}
	for _, m := range missed {
		if w.send(m.Bytes) != nil {
			return nil
		}
		last = max(last, m.ID)
	}
	return s.pump(ctx, w, sub, last)
}

// pump writes the subscription's messages and heartbeats until one ends.
func (s *Stream) pump(ctx context.Context, w *writer, sub *Sub, last int64) error {
	hb := time.NewTicker(s.Heartbeat)
	defer hb.Stop()
	for {
		select {
		case m, ok := <-sub.C:
			if !ok {
				return nil // dropped as too slow, or the hub closed
			}
			if m.ID != 0 && m.ID <= last {
				continue
			}
			if w.send(m.Bytes) != nil {
				return nil
			}
			last = max(last, m.ID)
		case <-hb.C:
			if w.send([]byte(": heartbeat\n\n")) != nil {
				return nil
			}
		case <-s.Hub.Done():
			return nil
		case <-ctx.Done():
			return nil
		}
	}
}

// writer writes to one stream, each write under its own deadline.
type writer struct {
	w  http.ResponseWriter
	rc *http.ResponseController
}

func newWriter(c echo.Context) *writer {
	w := c.Response()
	return &writer{w: w, rc: http.NewResponseController(w)}
}

// start sends the headers: the stream is never stored, never buffered.
func (w *writer) start() error {
	h := w.w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	// The server's read timeout must not end a stream that reads nothing.
	if err := w.rc.SetReadDeadline(time.Time{}); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return err
	}
	w.w.WriteHeader(http.StatusOK)
	return w.send([]byte("retry: " + strconv.Itoa(retryMillis) + "\n\n"))
}

func (w *writer) send(b []byte) error {
	if err := w.rc.SetWriteDeadline(time.Now().Add(WriteTimeout)); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return err
	}
	if _, err := w.w.Write(b); err != nil {
		return err
	}
	return w.rc.Flush()
}
