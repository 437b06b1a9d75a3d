package handlers

import (
	"context"
	"html/template"
	"io"
	"log/slog"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/pagecache"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/models/demo"
	"github.com/newsroom/news/static"
	"github.com/newsroom/news/views"
)

// benchSite is the server the benchmarks render from. NEWS_BENCH_DB names
// a database made with `news demo` (bench/run.sh makes one of 100 000
// articles and 1 000 000 comments); without it a small generated corpus is
// used, so that `go test -bench . -benchtime=1x` is a quick smoke check.
type benchSite struct {
	e       *echo.Echo
	article string // path of a typical recent article
	section string
}

func newBenchSite(b *testing.B, cacheBytes int64) benchSite {
	b.Helper()
	ctx := context.Background()
	var st *models.Stores
	if path := os.Getenv("NEWS_BENCH_DB"); path != "" {
		var err error
		if st, err = models.Open(ctx, path, models.Options{}); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { st.Close() })
	} else {
		st = newTestDB(b, time.Now)
		err := demo.GenerateCorpus(ctx, st.DB, demo.CorpusOptions{Articles: 500, Comments: 5000, Seed: 1, Now: time.Now()})
		if err != nil {
			b.Fatal(err)
		}
	}
	assets, err := static.Load()
	if err != nil {
		b.Fatal(err)
	}
	r, err := views.New(template.FuncMap{"asset": assets.URL})
	if err != nil {
		b.Fatal(err)
	}
	site, err := NewServer(Deps{
		Stores: st, Views: r, Assets: assets, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		PageCache: pagecache.NewPageCache(cacheBytes, time.Now()),
	})
	if err != nil {
		b.Fatal(err)
	}
	// A typical story of the day: the median by comments of the newest 21.
	latest, err := st.Articles.Latest(ctx, 21)
	if err != nil || len(latest) == 0 {
		b.Fatalf("no articles: %v", err)
	}
	slices.SortFunc(latest, func(x, y models.Article) int { return x.CommentCount - y.CommentCount })
	pick := latest[len(latest)/2]
	b.Logf("article %s has %d comments", pick.URL(), pick.CommentCount)
	return benchSite{e: site.Echo, article: pick.URL(), section: pick.Category.URL()}
}

func (s benchSite) run(b *testing.B, path string) {
	b.Helper()
	s.loop(b, path, s.e.ServeHTTP)
}

func BenchmarkArticlePageUncached(b *testing.B) {
	s := newBenchSite(b, 0)
	s.run(b, s.article)
}

func BenchmarkFrontPageUncached(b *testing.B) {
	s := newBenchSite(b, 0)
	s.run(b, "/")
}

func BenchmarkSectionPageUncached(b *testing.B) {
	s := newBenchSite(b, 0)
	s.run(b, s.section)
}

func BenchmarkArticlePageCached(b *testing.B) {
	s := newBenchSite(b, 64<<20)
	s.run(b, s.article)
}
