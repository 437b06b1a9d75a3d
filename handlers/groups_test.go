package handlers

import (
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
)

// Every route the router holds, test routes included, belongs to a route
// group: a route added beside the groups would skip their middleware.
func TestEveryRouteIsInAGroup(t *testing.T) {
	t.Parallel()
	ts, _ := newTestServerWith(t, serverOptions{routes: func(g *Groups) {
		g.Reader.GET("/test-in-a-group", func(c echo.Context) error { return c.String(http.StatusOK, "ok") })
	}})
	var names []string
	for _, g := range ts.H.Site.Groups.All() {
		names = append(names, g.Name())
	}
	n := 0
	for _, r := range echoOf(ts).Routes() {
		group, _, _ := strings.Cut(r.Name, ":")
		if !slices.Contains(names, group) {
			t.Errorf("%s %s is in no route group (name %q)", r.Method, r.Path, r.Name)
		}
		n++
	}
	if n < 100 {
		t.Errorf("only %d routes walked", n)
	}
	// A route added outside the groups is caught.
	e := echoOf(ts)
	stray := e.GET("/test-stray", func(c echo.Context) error { return nil })
	if group, _, _ := strings.Cut(stray.Name, ":"); slices.Contains(names, group) {
		t.Errorf("a route added beside the groups is named %q, like a group", stray.Name)
	}
}

// Only a route in the reader group is cached: the same handler in the
// fresh group runs for every request.
func TestOnlyTheReaderGroupIsCached(t *testing.T) {
	t.Parallel()
	calls := map[string]int{}
	h := func(c echo.Context) error {
		calls[c.Path()]++
		return c.String(http.StatusOK, "the same for everyone")
	}
	ts, _ := newTestServerWith(t, serverOptions{cacheBytes: 1 << 20, routes: func(g *Groups) {
		g.Reader.GET("/test-cached", h)
		g.Fresh.GET("/test-fresh", h)
	}})
	for range 3 {
		ts.get(t, "/test-cached")
		ts.get(t, "/test-fresh")
	}
	if calls["/test-cached"] != 1 || calls["/test-fresh"] != 3 {
		t.Errorf("handler ran %d times in the reader group, %d in the fresh group; want 1 and 3",
			calls["/test-cached"], calls["/test-fresh"])
	}
}

// A response in the streaming group outlives the server's WriteTimeout,
// sent as it is written; the same response in another group is cut off.
func TestStreamingOutlivesTheWriteTimeout(t *testing.T) {
	t.Parallel()
	slow := func(c echo.Context) error {
		c.Response().Header().Set("Content-Type", "text/event-stream")
		c.Response().WriteHeader(http.StatusOK)
		for i := range 4 {
			if _, err := io.WriteString(c.Response(), "data: tick\n\n"); err != nil {
				return nil
			}
			c.Response().Flush()
			if i < 3 {
				time.Sleep(150 * time.Millisecond)
			}
		}
		return nil
	}
	ts, _ := newTestServerWith(t, serverOptions{writeTimeout: 200 * time.Millisecond, routes: func(g *Groups) {
		g.Streaming.GET("/test-stream", slow)
		g.Fresh.GET("/test-not-stream", slow)
	}})
	res, body := ts.get(t, "/test-stream")
	if res.StatusCode != http.StatusOK || strings.Count(body, "data: tick") != 4 {
		t.Errorf("streaming: %d, %d of 4 events", res.StatusCode, strings.Count(body, "data: tick"))
	}
	if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("streaming Cache-Control %q, want no-store", cc)
	}
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/test-not-stream", nil)
	cut, err := ts.Client.Do(req)
	if err == nil {
		b, rerr := io.ReadAll(cut.Body)
		cut.Body.Close()
		if rerr == nil && strings.Count(string(b), "data: tick") == 4 {
			t.Error("outside the streaming group the response outlived the WriteTimeout too: the test shows nothing")
		}
	}
}
