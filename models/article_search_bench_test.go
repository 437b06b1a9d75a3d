package models

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsroom/news/db"
)

// functionWords and newsWords are words of news copy; the generator draws
// bodies from them and from made-up words with a Zipf distribution, as in
// real text: function words are the most frequent, in nearly every article;
// news words rank from about 200th to 6000th, so that "government" is in
// about one article in ten and "harbour" in fewer, as in a newspaper.
var functionWords = strings.Fields(`the of and to in a is that for on was with he it as at by
from his an be have has are said were its but not they after who been had this`)

var newsWords = strings.Fields(`government minister president election vote parliament council city police court
report economy market bank prices inflation energy climate water health hospital
school students teachers university research science football match season team
coach players league cup final goal win loss storm flood fire weather rain
harbour bridge road rail train airport flight border trade talks summit peace
war army security attack crisis protest strike union workers jobs budget tax
company shares profit investors technology software internet data privacy
film music festival theatre book museum art gallery exhibition award prize
village farmers harvest food drought tourism hotel beach island mountain river`)

// fakeWord makes a pronounceable word from syllables, so the vocabulary
// has the long tail real text has.
func fakeWord(i int) string {
	syl := []string{"ka", "lo", "mi", "ren", "tas", "vo", "dre", "pul", "sin", "gor", "ba", "thi", "ex", "ur", "nal"}
	var b strings.Builder
	for n := i + 1; n > 0; n /= len(syl) {
		b.WriteString(syl[n%len(syl)])
	}
	return b.String()
}

// benchCorpus returns a database holding n published articles. It is made
// once and kept in the temporary folder, since building it takes a while.
func benchCorpus(b *testing.B, n int) *db.DB {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("news-search-bench-%d-v4.db", n))
	if _, err := os.Stat(path); err != nil {
		start := time.Now()
		if err := buildBenchCorpus(path, n); err != nil {
			os.Remove(path)
			b.Fatal(err)
		}
		b.Logf("built a corpus of %d articles in %s at %s", n, time.Since(start).Round(time.Second), path)
	}
	d, err := db.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	// A corpus kept from an older build may miss later migrations.
	if _, err := d.Migrate(context.Background()); err != nil {
		b.Fatal(err)
	}
	return d
}

func buildBenchCorpus(path string, n int) error {
	ctx := context.Background()
	d, err := db.Open(path + ".tmp")
	if err != nil {
		return err
	}
	if _, err := d.Migrate(ctx); err != nil {
		return err
	}
	vocab := slices.Clone(functionWords)
	news := 0
	for i := 0; len(vocab) < 20000; i++ {
		if len(vocab) >= 200 && len(vocab)%28 == 0 && news < len(newsWords) {
			vocab = append(vocab, newsWords[news])
			news++
			continue
		}
		vocab = append(vocab, fakeWord(i))
	}
	rng := rand.New(rand.NewSource(1))
	zipf := rand.NewZipf(rng, 1.1, 2, uint64(len(vocab)-1))
	words := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = vocab[zipf.Uint64()]
		}
		return strings.Join(w, " ")
	}
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	span := searchNow.Unix() - start
	err = d.WithTx(ctx, func(tx *db.Tx) error {
		for i := 1; i <= 8; i++ {
			if _, err := tx.Exec(`INSERT INTO categories (slug, name) VALUES (?, ?)`, "section-"+strconv.Itoa(i), "Section "+strconv.Itoa(i)); err != nil {
				return err
			}
		}
		for i := 1; i <= 50; i++ {
			if _, err := tx.Exec(`INSERT INTO users (email, name, slug, role, created_at) VALUES (?, ?, ?, 'author', 0)`,
				fmt.Sprintf("a%d@example.com", i), "Author "+fakeWord(i), "author-"+strconv.Itoa(i)); err != nil {
				return err
			}
		}
		for i := 1; i <= 200; i++ {
			if _, err := tx.Exec(`INSERT INTO tags (slug, name) VALUES (?, ?)`, "tag-"+strconv.Itoa(i), vocab[i*7%len(vocab)]); err != nil {
				return err
			}
		}
		art, err := tx.Prepare(`INSERT INTO articles (category_id, author_id, slug, title, summary, body_md, body_html,
			status, published_at, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?)`)
		if err != nil {
			return err
		}
		tag, err := tx.Prepare(`INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)`)
		if err != nil {
			return err
		}
		for i := 1; i <= n; i++ {
			var md, html strings.Builder
			for range 4 + rng.Intn(5) {
				p := words(40 + rng.Intn(40))
				md.WriteString(p + "\n\n")
				html.WriteString("<p>" + p + "</p>\n")
			}
			// Ids grow with publication time, as on a real site.
			pub := start + span*int64(i)/int64(n)
			res, err := art.Exec(1+rng.Intn(8), 1+rng.Intn(50), "article-"+strconv.Itoa(i), words(6+rng.Intn(6)),
				words(20), md.String(), html.String(), pub, pub, pub)
			if err != nil {
				return err
			}
			id, _ := res.LastInsertId()
			for range 1 + rng.Intn(3) {
				if _, err := tag.Exec(id, 1+rng.Intn(200)); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if _, err := d.Exec(ctx, `INSERT INTO articles_fts (articles_fts) VALUES ('optimize')`); err != nil {
		return err
	}
	d.Close()
	return os.Rename(path+".tmp", path)
}

// benchQueries mixes what readers type: common and rare words, two or
// three words, a phrase, a prefix, a word found nowhere, and junk.
var benchQueries = []string{
	"government", "election results", "harbour bridge", "climate energy prices", `"prime minister"`,
	"football season final", "elect*", "kalo", "storm flood", "zzzznothing", "police court report",
	"technology", "NOT (x OR y)", "the", "festival music", "renka",
}

// BenchmarkSearch runs the query mix over a generated corpus of 100 000
// articles (SEARCH_BENCH_ARTICLES to change it), or over the database
// SEARCH_BENCH_DB names (such as one made by "news demo"), and reports the
// median and 95th percentile time of one search.
func BenchmarkSearch(b *testing.B) {
	n := 100000
	if v := os.Getenv("SEARCH_BENCH_ARTICLES"); v != "" {
		n, _ = strconv.Atoi(v)
	}
	var d *db.DB
	now := searchNow
	if path := os.Getenv("SEARCH_BENCH_DB"); path != "" {
		now = time.Now()
		var err error
		if d, err = db.Open(path); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { d.Close() })
	} else {
		d = benchCorpus(b, n)
	}
	store := NewArticleStore(d, func() time.Time { return now })
	ctx := context.Background()
	var times []time.Duration
	var found int
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		q := benchQueries[i%len(benchQueries)]
		t0 := time.Now()
		res, _, err := store.Search(ctx, q, 1+i/len(benchQueries)%2)
		times = append(times, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
		found += len(res)
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(percentileMS(times, 0.5), "ms-p50")
	b.ReportMetric(percentileMS(times, 0.95), "ms-p95")
	b.ReportMetric(percentileMS(times, 1), "ms-max")
	b.ReportMetric(float64(found)/float64(len(times)), "results/op")
	// On a shared machine the wall-clock figures include waiting for a
	// core; the CPU time per search does not.
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(times)), "ms-cpu/op")
}

// percentileMS is the p-th fraction of d, sorted, in milliseconds.
func percentileMS(d []time.Duration, p float64) float64 {
	slices.Sort(d)
	return float64(d[int(p*float64(len(d)-1))].Microseconds()) / 1000
}

// cpuTime is the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
