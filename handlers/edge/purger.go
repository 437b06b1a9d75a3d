package edge

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// Purger sends purge requests for changed tags to the cache in front,
// asynchronously: Purge only queues the tags, so a write never waits on
// the edge or fails because of it. Tags queued close together go in one
// batch; a failed request is retried with growing pauses, then given up
// and logged.
type Purger struct {
	style  Style
	url    string
	token  string
	client *http.Client
	log    *slog.Logger
	// Wait is how long tags gather before a batch is sent; Retries and
	// Backoff shape the retries of a failed request. Set before Start.
	Wait    time.Duration
	Retries int
	Backoff time.Duration

	mu      sync.Mutex
	pending []string
	wake    chan struct{}
	done    chan struct{}
}

// NewPurger returns a purger for the cache at url in style; token is the
// credential (Fastly-Key, Cloudflare bearer token), "" for Varnish.
func NewPurger(style Style, url, token string, log *slog.Logger) *Purger {
	if log == nil {
		log = slog.Default()
	}
	return &Purger{
		style: style, url: strings.TrimRight(url, "/"), token: token, log: log,
		client: &http.Client{Timeout: 10 * time.Second},
		Wait:   50 * time.Millisecond, Retries: 5, Backoff: 200 * time.Millisecond,
		wake: make(chan struct{}, 1), done: make(chan struct{}),
	}
}

// Purge queues tags to be purged. It never blocks on the network.
func (p *Purger) Purge(tags []string) {
	if len(tags) == 0 {
		return
	}
	p.mu.Lock()
	p.pending = append(p.pending, tags...)
	p.mu.Unlock()
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// Run sends the queued purges until ctx ends; what is queued then is sent
// once more before it returns.
func (p *Purger) Run(ctx context.Context) {
	defer close(p.done)
	for {
		select {
		case <-ctx.Done():
			p.flush(context.WithoutCancel(ctx), false)
			return
		case <-p.wake:
		}
		select {
		case <-ctx.Done():
		case <-time.After(p.Wait):
		}
		p.flush(ctx, true)
	}
}

// Done is closed once Run has returned.
func (p *Purger) Done() <-chan struct{} { return p.done }

// flush sends everything queued, in batches of the style's size.
func (p *Purger) flush(ctx context.Context, retry bool) {
	p.mu.Lock()
	tags := p.pending
	p.pending = nil
	p.mu.Unlock()
	slices.Sort(tags)
	tags = slices.Compact(tags)
	for len(tags) > 0 {
		n := min(len(tags), p.style.batchSize())
		p.send(ctx, tags[:n], retry)
		tags = tags[n:]
	}
}

// send sends one batch, retrying with back-off; it logs when it gives up.
func (p *Purger) send(ctx context.Context, tags []string, retry bool) {
	pause := p.Backoff
	var err error
	for attempt := 0; attempt <= p.Retries; attempt++ {
		if err = p.request(ctx, tags); err == nil {
			return
		}
		if !retry || attempt == p.Retries {
			break
		}
		select {
		case <-ctx.Done():
			p.log.Warn("edge purge given up", "style", p.style, "tags", len(tags), "err", ctx.Err())
			return
		case <-time.After(pause):
		}
		pause *= 2
	}
	p.log.Warn("edge purge given up", "style", p.style, "tags", len(tags), "first", tags[0], "err", err)
}

// request is one purge request in the style's shape.
func (p *Purger) request(ctx context.Context, tags []string) error {
	req, err := p.newRequest(ctx, tags)
	if err != nil {
		return err
	}
	res, err := p.client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(res.Body, 512))
	if res.StatusCode >= 300 {
		return fmt.Errorf("%s: %s", res.Status, bytes.TrimSpace(body))
	}
	return nil
}

func (p *Purger) newRequest(ctx context.Context, tags []string) (*http.Request, error) {
	switch p.style {
	case Varnish:
		req, err := http.NewRequestWithContext(ctx, "PURGE", p.url+"/", nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("xkey-purge", strings.Join(tags, " "))
		return req, nil
	case Cloudflare:
		body, _ := json.Marshal(struct {
			Tags []string `json:"tags"`
		}{tags})
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url+"/purge_cache", bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+p.token)
		return req, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url+"/purge", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Surrogate-Key", strings.Join(tags, " "))
	req.Header.Set("Fastly-Key", p.token)
	return req, nil
}
