package handlers

import (
	"net/http"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"
)

// build runs path's route handler alone, without the site-wide middleware
// (request id, log, security headers).
func (s benchSite) build(b *testing.B, path string) {
	b.Helper()
	s.loop(b, path, func(w http.ResponseWriter, r *http.Request) {
		c := s.e.NewContext(r, w)
		s.e.Router().Find(r.Method, r.URL.Path, c)
		if err := c.Handler()(c); err != nil {
			b.Fatalf("GET %s: %v", path, err)
		}
	})
}

// loop serves GET path with serve until the benchmark is done and reports
// the CPU time one page costs (on a shared machine ns/op also counts
// waiting for a core; cpu-ns/op does not).
func (s benchSite) loop(b *testing.B, path string, serve func(http.ResponseWriter, *http.Request)) {
	b.ReportAllocs()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		rec := httptest.NewRecorder()
		serve(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d", path, rec.Code)
		}
		n++
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(n), "cpu-ns/op")
}

// BenchmarkArticleBuild is the cost of building one article page from the
// database: queries, page values and template, nothing else.
func BenchmarkArticleBuild(b *testing.B) {
	s := newBenchSite(b, 0)
	s.build(b, s.article)
}

func BenchmarkFrontPageBuild(b *testing.B) {
	s := newBenchSite(b, 0)
	s.build(b, "/")
}

func BenchmarkSectionPageBuild(b *testing.B) {
	s := newBenchSite(b, 0)
	s.build(b, s.section)
}

func BenchmarkSearchPageUncached(b *testing.B) {
	s := newBenchSite(b, 0)
	s.run(b, "/search?q=market")
}

// cpuTime is the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
