package models

import (
	"context"
	"math/rand"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsroom/news/db"
)

// searchQueriesFrom draws n distinct queries from the database's own text,
// as readers would type them: a word of a title, two words of a title, a
// word of a body, and two body words, in turn. The draw is seeded, so runs
// compare.
func searchQueriesFrom(b *testing.B, d *db.DB, n int) []string {
	b.Helper()
	ctx := context.Background()
	var maxID int64
	if err := d.R.QueryRowContext(ctx, `SELECT MAX(id) FROM articles`).Scan(&maxID); err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewSource(14))
	seen := map[string]bool{}
	var out []string
	pick := func(words []string, k int) string {
		var w []string
		for range k {
			word := strings.ToLower(strings.Trim(words[rng.Intn(len(words))], `.,;:!?"'()`))
			if len(word) < 3 || stopWords[word] {
				return ""
			}
			w = append(w, word)
		}
		return strings.Join(w, " ")
	}
	for tries := 0; len(out) < n && tries < 50*n; tries++ {
		var title, body string
		err := d.R.QueryRowContext(ctx, `SELECT title, substr(body_md, 1, 2000) FROM articles
			WHERE id >= ? AND status = 'published' ORDER BY id LIMIT 1`, 1+rng.Int63n(maxID)).Scan(&title, &body)
		if err != nil {
			continue
		}
		src := strings.Fields(title)
		if len(out)%4 >= 2 {
			src = strings.Fields(body)
		}
		if len(src) == 0 {
			continue
		}
		q := pick(src, 1+len(out)%2)
		if q != "" && !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	if len(out) < n {
		b.Fatalf("found %d distinct queries, want %d", len(out), n)
	}
	return out
}

// BenchmarkSearchCorpusQueries runs 240 distinct queries taken from the
// titles and bodies of the database NEWS_BENCH_DB names (the 100k-article
// database bench/run.sh uses; skipped without it), each once a round, the
// first page of results, and reports the median and 95th percentile time of
// one search and its CPU time. There is no result cache to turn off: every
// search reads the index.
func BenchmarkSearchCorpusQueries(b *testing.B) {
	path := os.Getenv("NEWS_BENCH_DB")
	if path == "" {
		b.Skip("NEWS_BENCH_DB names no database")
	}
	d, err := db.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	queries := searchQueriesFrom(b, d, 240)
	store := NewArticleStore(d, time.Now)
	ctx := context.Background()
	// One round first, so the index pages are in memory for every query.
	for _, q := range queries {
		if _, _, err := store.Search(ctx, q, 1); err != nil {
			b.Fatal(err)
		}
	}
	// The search runs on this goroutine (the SQLite driver is Go), so the
	// thread's CPU time is the search's own, which on a shared machine says
	// more than the wall clock, which also counts waiting for a core.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var times, cpus []time.Duration
	found := 0
	cpu0 := cpuTime()
	for i := 0; b.Loop(); i++ {
		t0, c0 := time.Now(), threadCPUTime()
		res, _, err := store.Search(ctx, queries[i%len(queries)], 1)
		times, cpus = append(times, time.Since(t0)), append(cpus, threadCPUTime()-c0)
		if err != nil {
			b.Fatal(err)
		}
		found += len(res)
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(percentileMS(times, 0.5), "ms-p50")
	b.ReportMetric(percentileMS(times, 0.95), "ms-p95")
	b.ReportMetric(percentileMS(times, 1), "ms-max")
	b.ReportMetric(percentileMS(cpus, 0.5), "ms-cpu-p50")
	b.ReportMetric(percentileMS(cpus, 0.95), "ms-cpu-p95")
	b.ReportMetric(float64(found)/float64(len(times)), "results/op")
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(times)), "ms-cpu/op")
}

// threadCPUTime is the CPU time the calling thread has used.
func threadCPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_THREAD, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
