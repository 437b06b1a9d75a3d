package handlers

import (
	"bufio"
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

// sseEvent is one event read from a stream, or a comment line.
type sseEvent struct {
	ID, Event, Data, Comment string
}

// stream is an open Server-Sent Events response being read.
type stream struct {
	Res    *http.Response
	events chan sseEvent
	cancel context.CancelFunc
}

// openStream opens path as a browser's EventSource would, with the given
// request headers ("Name", "value" pairs).
func (ts *testServer) openStream(t *testing.T, path string, headers ...string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "text/event-stream")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	client := &http.Client{Transport: ts.Client.Transport}
	res, err := client.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	s := &stream{Res: res, events: make(chan sseEvent, 64), cancel: cancel}
	t.Cleanup(s.Close)
	go s.read()
	return s
}

// Close ends the stream from the reader's side.
func (s *stream) Close() {
	s.cancel()
	s.Res.Body.Close()
}

func (s *stream) read() {
	defer close(s.events)
	sc := bufio.NewScanner(s.Res.Body)
	var ev sseEvent
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if ev != (sseEvent{}) {
				s.events <- ev
			}
			ev = sseEvent{}
		case strings.HasPrefix(line, ":"):
			s.events <- sseEvent{Comment: strings.TrimSpace(line[1:])}
		case strings.HasPrefix(line, "id: "):
			ev.ID = line[4:]
		case strings.HasPrefix(line, "event: "):
			ev.Event = line[7:]
		case strings.HasPrefix(line, "data: "):
			ev.Data += line[6:]
		}
	}
}

// next returns the next event (comments included) for which keep is true,
// failing the test after wait; ok is false if the stream ended first.
func (s *stream) next(t *testing.T, wait time.Duration, keep func(sseEvent) bool) (ev sseEvent, ok bool) {
	t.Helper()
	timer := time.NewTimer(wait)
	defer timer.Stop()
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				return ev, false
			}
			if keep(ev) {
				return ev, true
			}
		case <-timer.C:
			t.Fatalf("no matching event within %v", wait)
		}
	}
}

func isEntry(ev sseEvent) bool { return ev.Event == "entry" }

// liveArticle returns the demo's live article.
func liveArticle(t testing.TB, ts *testServer) models.Article {
	t.Helper()
	list, err := ts.H.Live.LiveNow(context.Background(), 1)
	if err != nil || len(list) != 1 {
		t.Fatalf("demo live article: %v, %d", err, len(list))
	}
	return list[0]
}

func streamOf(a models.Article) string { return "/live/" + strconv.FormatInt(a.ID, 10) + "/events" }

func composerOf(a models.Article) string {
	return "/admin/articles/" + strconv.FormatInt(a.ID, 10) + "/live"
}

// waitSubscribers waits until the article has n open streams.
func (ts *testServer) waitSubscribers(t *testing.T, articleID int64, n int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if ts.H.Site.Live.Hub.Subscribers(articleID) == n {
			return
		}
	}
	t.Fatalf("article %d has %d open streams, want %d", articleID, ts.H.Site.Live.Hub.Subscribers(articleID), n)
}
