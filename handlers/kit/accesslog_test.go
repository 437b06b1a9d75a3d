package kit

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/labstack/echo/v4"
)

// lockedBuffer is an io.Writer safe for the log's goroutine and the test.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// Every request gets its one line, whole, by the time Close returns, and a
// request that ends after Close still gets it.
func TestAccessLogKeepsEveryLineThroughClose(t *testing.T) {
	var out lockedBuffer
	log := NewAccessLog(&out)
	e := echo.New()
	e.Use(AssignRequestID, log.Middleware())
	e.GET("/a/:n", func(c echo.Context) error { return c.String(http.StatusOK, "ok") })
	const n = 500
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/a/"+strings.Repeat("x", 1+i%7), nil))
		}()
	}
	wg.Wait()
	log.Close()
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/missing", nil))
	lines := strings.Split(strings.TrimSuffix(out.buf.String(), "\n"), "\n")
	if len(lines) != n+1 {
		t.Fatalf("%d lines for %d requests", len(lines), n+1)
	}
	for _, l := range lines[:n] {
		if !strings.Contains(l, "msg=request") || !strings.Contains(l, "method=GET path=/a/") || !strings.Contains(l, "status=200") {
			t.Fatalf("broken line %q", l)
		}
	}
	if !strings.Contains(lines[n], "path=/missing status=404") {
		t.Errorf("the request after Close logged %q", lines[n])
	}
}
