package handlers

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/handlers/live"
	"github.com/newsroom/news/models"
)

// An open stream answers with the event-stream headers, receives an entry
// an editor posts as an event whose id is the entry's id and whose HTML is
// the page's, and sends heartbeats while idle.
func TestLiveStreamDeliversEntries(t *testing.T) {
	t.Parallel()
	ts, _ := newTestServerWith(t, serverOptions{demo: true, heartbeat: 50 * time.Millisecond})
	a := liveArticle(t, ts)
	s := ts.openStream(t, streamOf(a))
	if s.Res.StatusCode != http.StatusOK || s.Res.Header.Get("Content-Type") != "text/event-stream" ||
		s.Res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("stream: %d, Content-Type %q, Cache-Control %q", s.Res.StatusCode, s.Res.Header.Get("Content-Type"),
			s.Res.Header.Get("Cache-Control"))
	}
	if ev, _ := s.next(t, 2*time.Second, func(e sseEvent) bool { return e.Comment == "heartbeat" }); ev.Comment != "heartbeat" {
		t.Fatal("no heartbeat")
	}
	ts.waitSubscribers(t, a.ID, 1)
	editor := ts.otherClient(t, "")
	editor.signIn(t, models.RoleEditor)
	res, body := editor.postForm(t, composerOf(a)+"/entries", url.Values{"text": {"The train **reaches** Vladivostok."}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("post entry: %d\n%s", res.StatusCode, body)
	}
	ev, ok := s.next(t, 2*time.Second, isEntry)
	if !ok {
		t.Fatal("stream ended before the entry")
	}
	var data struct {
		ID   int64  `json:"id"`
		HTML string `json:"html"`
	}
	if err := json.Unmarshal([]byte(ev.Data), &data); err != nil {
		t.Fatal(err)
	}
	if ev.ID != strconv.FormatInt(data.ID, 10) || !strings.Contains(res.Header.Get("Location"), "#entry-"+ev.ID) {
		t.Errorf("event id %q, data id %d, composer sent to %q: want the entry's id everywhere", ev.ID, data.ID, res.Header.Get("Location"))
	}
	if !strings.Contains(data.HTML, `id="entry-`+ev.ID+`"`) || !strings.Contains(data.HTML, "<strong>reaches</strong>") {
		t.Errorf("entry html %q", data.HTML)
	}
	// The page (cached before) shows the entry to a reader who reloads.
	if _, page := ts.get(t, a.URL()); !strings.Contains(page, `id="entry-`+ev.ID+`"`) {
		t.Error("the article page does not show the new entry")
	}
}

// A reconnect with Last-Event-ID (or a page's ?after=) receives the entries
// posted after that one, oldest first, without those removed.
func TestLiveStreamReplaysWhatWasMissed(t *testing.T) {
	t.Parallel()
	ts, _ := newTestServerWith(t, serverOptions{demo: true})
	a := liveArticle(t, ts)
	ctx := context.Background()
	entries, err := ts.H.Live.Entries(ctx, a.ID)
	if err != nil || len(entries) < 4 {
		t.Fatalf("demo entries: %d, %v", len(entries), err)
	}
	seen := entries[2] // the reader had everything up to the third newest
	if err := ts.H.Live.Remove(ctx, entries[0].ID, 0); err != nil {
		t.Fatal(err)
	}
	want := []string{strconv.FormatInt(entries[1].ID, 10)}
	for _, h := range [][]string{{"Last-Event-ID", strconv.FormatInt(seen.ID, 10)}, nil} {
		path := streamOf(a)
		if h == nil {
			path += "?after=" + strconv.FormatInt(seen.ID, 10)
		}
		s := ts.openStream(t, path, h...)
		var got []string
		for range want {
			ev, _ := s.next(t, 2*time.Second, isEntry)
			got = append(got, ev.ID)
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("replay with %v: ids %v, want %v", h, got, want)
		}
		s.Close()
	}
	// Without either, nothing is replayed: the page has it all.
	s := ts.openStream(t, streamOf(a))
	ts.waitSubscribers(t, a.ID, 1)
	e, err := ts.H.Live.Post(ctx, models.EntryInput{ArticleID: a.ID, BodyMD: "Fresh"})
	if err != nil {
		t.Fatal(err)
	}
	ts.H.Site.Live.Source.(*live.Entries).Publish(ctx, live.EventEntry, e)
	if ev, _ := s.next(t, 2*time.Second, isEntry); ev.ID != strconv.FormatInt(e.ID, 10) {
		t.Errorf("first event without Last-Event-ID: id %q, want the new entry %d", ev.ID, e.ID)
	}
}

// One client address may hold only so many streams; another address is
// not affected, and a closed stream frees its place.
func TestLiveStreamCapPerAddress(t *testing.T) {
	t.Parallel()
	ts, _ := newTestServerWith(t, serverOptions{demo: true})
	a := liveArticle(t, ts)
	var open []*stream
	for range live.MaxPerAddress {
		s := ts.openStream(t, streamOf(a))
		if s.Res.StatusCode != http.StatusOK {
			t.Fatalf("stream %d: %d", len(open)+1, s.Res.StatusCode)
		}
		open = append(open, s)
	}
	ts.waitSubscribers(t, a.ID, live.MaxPerAddress)
	if s := ts.openStream(t, streamOf(a)); s.Res.StatusCode != http.StatusTooManyRequests || s.Res.Header.Get("Retry-After") == "" {
		t.Errorf("stream past the cap: %d, Retry-After %q; want 429 with Retry-After", s.Res.StatusCode, s.Res.Header.Get("Retry-After"))
	}
	if s := ts.otherClient(t, "127.0.0.2").openStream(t, streamOf(a)); s.Res.StatusCode != http.StatusOK {
		t.Errorf("stream from another address: %d, want 200", s.Res.StatusCode)
	}
	open[0].Close()
	ts.waitSubscribers(t, a.ID, live.MaxPerAddress) // the one closed, the other address's open
	if s := ts.openStream(t, streamOf(a)); s.Res.StatusCode != http.StatusOK {
		t.Errorf("stream after one closed: %d, want 200", s.Res.StatusCode)
	}
}

// Streams of articles not covered live are refused the way EventSource
// understands (204: stop reconnecting); bad ids are 404; shutting down
// ends open streams.
func TestLiveStreamRefusalsAndShutdown(t *testing.T) {
	t.Parallel()
	ts, _ := newTestServerWith(t, serverOptions{demo: true})
	a := liveArticle(t, ts)
	seedID := ts.articleID(t, "/world-news/kim-jong-un-to-visit-russia-in-coming-days-confirms-kremlin")
	for path, want := range map[string]int{
		"/live/" + strconv.FormatInt(seedID, 10) + "/events": http.StatusNoContent,
		"/live/999999/events":                                http.StatusNoContent, "/live/x/events": http.StatusNotFound, "/live/-1/events": http.StatusNotFound,
	} {
		if res, _ := ts.get(t, path); res.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", path, res.StatusCode, want)
		}
	}
	s := ts.openStream(t, streamOf(a))
	ts.waitSubscribers(t, a.ID, 1)
	start := time.Now()
	ts.H.Site.Live.Hub.Close()
	if _, ok := s.next(t, 2*time.Second, func(sseEvent) bool { return false }); ok {
		t.Fatal("stream still open after the hub closed")
	}
	t.Logf("stream ended %v after shutdown began", time.Since(start).Round(time.Millisecond))
}

// Ending the coverage from the composer ends the open streams, and a
// browser reconnecting is told the stream is over (204).
func TestLiveStreamEndsWithCoverage(t *testing.T) {
	t.Parallel()
	ts, _ := newTestServerWith(t, serverOptions{demo: true})
	a := liveArticle(t, ts)
	s := ts.openStream(t, streamOf(a))
	ts.waitSubscribers(t, a.ID, 1)
	ts.signIn(t, models.RoleEditor)
	if res, _ := ts.postForm(t, composerOf(a)+"/end", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("end coverage: %d", res.StatusCode)
	}
	if _, ok := s.next(t, 2*time.Second, func(sseEvent) bool { return false }); ok {
		t.Fatal("stream still open after the coverage ended")
	}
	if res, _ := ts.get(t, streamOf(a)); res.StatusCode != http.StatusNoContent {
		t.Errorf("reconnect after the end: %d, want 204", res.StatusCode)
	}
	if res, _ := ts.postForm(t, composerOf(a)+"/entries", url.Values{"text": {"Too late"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("posting after the end: %d, want 422", res.StatusCode)
	}
}
