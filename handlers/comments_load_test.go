package handlers

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/newsroom/news/handlers/reader"
	"github.com/newsroom/news/models"
)

// TestConcurrentCommentsAreAllKept posts 1,000 comments from 50 clients at
// once through the real server and finds each stored exactly once.
func TestConcurrentCommentsAreAllKept(t *testing.T) {
	if testing.Short() {
		t.Skip("posts 1,000 comments")
	}
	t.Parallel()
	ts := commentTestServer(t, models.ModerateAll)
	const workers, each = 50, 20
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			for i := range each {
				form := commentForm(fmt.Sprintf("Comment %d from reader %d", i, w), fmt.Sprintf("Reader %d", w))
				res, err := client.PostForm(ts.URL+commentsURL, form)
				if err != nil {
					errs <- err
					continue
				}
				res.Body.Close()
				if res.StatusCode != http.StatusSeeOther {
					errs <- fmt.Errorf("reader %d comment %d: status %d", w, i, res.StatusCode)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	seen := map[string]int{}
	for _, c := range ts.comments(t) {
		seen[c.Body]++
	}
	for w := range workers {
		for i := range each {
			body := fmt.Sprintf("<p>Comment %d from reader %d</p>", i, w)
			if seen[body] != 1 {
				t.Errorf("%q stored %d times", body, seen[body])
			}
		}
	}
	if len(seen) != workers*each {
		t.Errorf("%d distinct comments stored, want %d", len(seen), workers*each)
	}
}

// BenchmarkCommentCreate measures accepting a comment: the real handler,
// middleware and store on a temporary database, from form to 303.
func BenchmarkCommentCreate(b *testing.B) {
	ts := commentTestServer(b, models.ModerateAll)
	// The rate limit counts as in production; each comment comes from its
	// own address so that none is refused.
	ts.H.Site.Reader.CommentLimit.SetRates(reader.CommentRates()...)
	srv := ts.Config.Handler
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		i++
		form := url.Values{"comment": {fmt.Sprintf("A considered reply, number %d, about https://example.com/report and the summit.\n\nSecond paragraph.", i)},
			"name": {"Bench Reader"}, "email": {"bench@example.com"}}
		req := httptest.NewRequest(http.MethodPost, commentsURL, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.RemoteAddr = fmt.Sprintf("10.%d.%d.%d:1234", i>>16&255, i>>8&255, i&255)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusSeeOther {
			b.Fatalf("status %d", rec.Code)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "comments/s")
}
