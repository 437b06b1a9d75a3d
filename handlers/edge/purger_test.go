package edge

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// purgeTarget records the purge requests it is sent, failing the first
// fail of them.
type purgeTarget struct {
	mu   sync.Mutex
	fail int
	reqs []string // method path headers body
}

func (p *purgeTarget) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fail > 0 {
		p.fail--
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	p.reqs = append(p.reqs, strings.Join([]string{r.Method, r.URL.Path, r.Header.Get("xkey-purge"),
		r.Header.Get("Surrogate-Key"), r.Header.Get("Fastly-Key"), r.Header.Get("Authorization"), string(body)}, "|"))
}

func (p *purgeTarget) wait(t *testing.T, n int) []string {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		p.mu.Lock()
		got := append([]string(nil), p.reqs...)
		p.mu.Unlock()
		if len(got) >= n {
			return got
		}
	}
	t.Fatalf("fewer than %d purge requests arrived", n)
	return nil
}

func TestPurgeRequestShapes(t *testing.T) {
	for _, tc := range []struct {
		style Style
		want  string
	}{
		{Varnish, "PURGE|/|a1 chrome||||"},
		{Fastly, "POST|/service/x/purge||a1 chrome|secret||"},
		{Cloudflare, `POST|/service/x/purge_cache||||Bearer secret|{"tags":["a1","chrome"]}`},
	} {
		target := &purgeTarget{fail: 2}
		srv := httptest.NewServer(target)
		p := NewPurger(tc.style, srv.URL+"/service/x", "secret", slog.New(slog.NewTextHandler(io.Discard, nil)))
		if tc.style == Varnish {
			p = NewPurger(tc.style, srv.URL, "", nil)
		}
		p.Backoff = 5 * time.Millisecond
		ctx, cancel := context.WithCancel(context.Background())
		go p.Run(ctx)
		p.Purge([]string{"chrome", "a1"})
		p.Purge([]string{"a1"}) // queued together: one request
		got := target.wait(t, 1)
		cancel()
		<-p.Done()
		srv.Close()
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: requests %q, want one %q after two failures", tc.style, got, tc.want)
		}
	}
}

func TestPurgeGivesUpAndLogs(t *testing.T) {
	target := &purgeTarget{fail: 100}
	srv := httptest.NewServer(target)
	defer srv.Close()
	var logged strings.Builder
	var mu sync.Mutex
	p := NewPurger(Varnish, srv.URL, "", slog.New(slog.NewTextHandler(writerFunc(func(b []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return logged.Write(b)
	}), nil)))
	p.Backoff, p.Retries = time.Millisecond, 2
	ctx, cancel := context.WithCancel(context.Background())
	go p.Run(ctx)
	start := time.Now()
	p.Purge([]string{"a9"})
	if time.Since(start) > 50*time.Millisecond {
		t.Error("Purge waited on the network")
	}
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		mu.Lock()
		s := logged.String()
		mu.Unlock()
		if strings.Contains(s, "edge purge given up") && strings.Contains(s, "a9") {
			cancel()
			<-p.Done()
			return
		}
	}
	t.Fatal("a purge that kept failing was not logged as given up")
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

func TestCloudflareBatchesThirtyTags(t *testing.T) {
	target := &purgeTarget{}
	srv := httptest.NewServer(target)
	defer srv.Close()
	p := NewPurger(Cloudflare, srv.URL, "t", nil)
	var tags []string
	for i := range 45 {
		tags = append(tags, "a"+strings.Repeat("1", i+1))
	}
	ctx, cancel := context.WithCancel(context.Background())
	go p.Run(ctx)
	p.Purge(tags)
	got := target.wait(t, 2)
	cancel()
	<-p.Done()
	var first struct{ Tags []string }
	body := got[0][strings.LastIndex(got[0], "|")+1:]
	if err := json.Unmarshal([]byte(body), &first); err != nil || len(first.Tags) != 30 {
		t.Errorf("first batch %q: %v", body, err)
	}
}
