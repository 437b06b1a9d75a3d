package kit

import (
	"bytes"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
)

// AccessLog writes the one line per request off the request path: a
// request hands its fields to a goroutine that formats the lines and
// writes them in batches, one write for as many lines as have come in
// meanwhile (at most flushBytes). A request waits only when accessQueue
// lines are queued; none is dropped. Close writes what is left, so
// nothing is lost at shutdown.
type AccessLog struct {
	queue chan accessEntry
	done  chan struct{}
	// mu guards closed: a request still running after Close writes its
	// line directly instead of to the closed queue.
	mu     sync.RWMutex
	closed bool
	out    io.Writer
}

// accessQueue is how many lines may wait; flushBytes how much a batch
// holds before it is written.
const (
	accessQueue = 4096
	flushBytes  = 64 << 10
)

type accessEntry struct {
	id, method, path, ip string
	status               int
	bytes                int64
	dur                  time.Duration
}

// NewAccessLog starts an access log writing to out, in the format of
// slog's TextHandler, as the server's other log lines.
func NewAccessLog(out io.Writer) *AccessLog {
	a := &AccessLog{queue: make(chan accessEntry, accessQueue), done: make(chan struct{}), out: out}
	go a.write(out)
	return a
}

func (a *AccessLog) write(out io.Writer) {
	defer close(a.done)
	var buf bytes.Buffer
	for e := range a.queue {
		e.format(&buf)
		if len(a.queue) == 0 || buf.Len() >= flushBytes {
			out.Write(buf.Bytes()) // whole lines only, so other writers' lines stay whole
			buf.Reset()
		}
	}
	out.Write(buf.Bytes())
}

// format appends e's line to buf.
func (e accessEntry) format(buf *bytes.Buffer) { e.log(slog.New(slog.NewTextHandler(buf, nil))) }

// log writes e's line through logger.
func (e accessEntry) log(logger *slog.Logger) {
	logger.Info("request", "id", e.id, "method", e.method, "path", e.path,
		"status", e.status, "bytes", e.bytes, "dur", e.dur, "ip", e.ip)
}

func (a *AccessLog) put(e accessEntry) {
	a.mu.RLock()
	if !a.closed {
		a.queue <- e
		a.mu.RUnlock()
		return
	}
	a.mu.RUnlock()
	var buf bytes.Buffer
	e.format(&buf)
	a.out.Write(buf.Bytes())
}

// Close writes the lines still queued and stops; call it after the HTTP
// server has shut down, when no request can log any more.
func (a *AccessLog) Close() {
	a.mu.Lock()
	if !a.closed {
		a.closed = true
		close(a.queue)
	}
	a.mu.Unlock()
	<-a.done
}

// Middleware is LogRequests writing through the access log.
func (a *AccessLog) Middleware() echo.MiddlewareFunc { return logRequestsTo(a.put) }
