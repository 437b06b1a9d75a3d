package models_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/models/demo"
	"modernc.org/sqlite"
)

// planLog collects the plans of the queries the stores sent.
type planLog struct {
	mu    sync.Mutex
	plans map[string][]string // query -> plan lines
}

func (l *planLog) take() map[string][]string {
	l.mu.Lock()
	defer l.mu.Unlock()
	p := l.plans
	l.plans = map[string][]string{}
	return p
}

// explainConnector opens connections that record the plan of every query
// before running it, so the stores' own SQL is what gets explained.
type explainConnector struct {
	dsn string
	log *planLog
}

func (e explainConnector) Connect(context.Context) (driver.Conn, error) {
	c, err := (&sqlite.Driver{}).Open(e.dsn)
	if err != nil {
		return nil, err
	}
	return explainConn{Conn: c, log: e.log}, nil
}

func (e explainConnector) Driver() driver.Driver { return &sqlite.Driver{} }

type explainConn struct {
	driver.Conn
	log *planLog
}

// Prepare explains a statement being prepared, with 0 for every
// parameter: the plan depends on the indexes, not on the values.
func (c explainConn) Prepare(query string) (driver.Stmt, error) {
	var args []driver.NamedValue
	st, err := c.Conn.Prepare(query)
	if err != nil {
		return nil, err
	}
	for i := range paramCount(query) {
		args = append(args, driver.NamedValue{Ordinal: i + 1, Value: int64(0)})
	}
	if err := c.explain(context.Background(), query, args); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

func (c explainConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if err := c.explain(ctx, query, args); err != nil {
		return nil, err
	}
	return c.Conn.(driver.QueryerContext).QueryContext(ctx, query, args)
}

func (c explainConn) explain(ctx context.Context, query string, args []driver.NamedValue) error {
	rows, err := c.Conn.(driver.QueryerContext).QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, args)
	if err != nil {
		return err
	}
	defer rows.Close()
	dest := make([]driver.Value, len(rows.Columns()))
	var lines []string
	for {
		if err := rows.Next(dest); err == io.EOF {
			break
		} else if err != nil {
			return err
		}
		lines = append(lines, toString(dest[len(dest)-1]))
	}
	c.log.mu.Lock()
	c.log.plans[query] = lines
	c.log.mu.Unlock()
	return nil
}

var numberedParam = regexp.MustCompile(`\?(\d+)`)

// paramCount is how many values query takes: the highest ?N, or the
// number of plain ? marks.
func paramCount(query string) int {
	n := 0
	for _, m := range numberedParam.FindAllStringSubmatch(query, -1) {
		k, _ := strconv.Atoi(m[1])
		n = max(n, k)
	}
	if n > 0 {
		return n
	}
	return strings.Count(query, "?")
}

func toString(v driver.Value) string {
	if b, ok := v.([]byte); ok {
		return string(b)
	}
	s, _ := v.(string)
	return s
}

// fullScan matches a plan line that reads a whole big table with no index
// ("SCAN a"). A scan of an index ("SCAN a USING COVERING INDEX ...") is
// how SQLite reads in index order under a LIMIT or an EXISTS, and passes.
var fullScan = regexp.MustCompile(`^SCAN (a|articles|m|comments|at|article_tags|t)$`)

// TestListingQueriesUseIndexes explains every listing query of the reader's
// site and fails on a full scan of articles, comments or article_tags: at
// 100 000 articles and 1 000 000 comments one costs tens of milliseconds.
func TestListingQueriesUseIndexes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "plan.db")
	d, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)
	if err := demo.GenerateCorpus(ctx, d, demo.CorpusOptions{Articles: 200, Comments: 2000, Seed: 3, Now: now}); err != nil {
		t.Fatal(err)
	}
	log := &planLog{plans: map[string][]string{}}
	pool := sql.OpenDB(explainConnector{dsn: "file:" + path + "?mode=ro", log: log})
	defer pool.Close()
	var ex *db.DB
	var articles *models.ArticleStore
	var comments *models.CommentStore
	// Each call gets stores over a new DB value, so that its statements
	// are prepared (and explained) afresh.
	fresh := func() {
		ex = &db.DB{R: pool}
		articles = models.NewArticleStore(ex, func() time.Time { return now })
		comments = models.NewCommentStore(ex)
	}
	a := models.Article{ID: 7, Category: models.Category{ID: 2}}

	calls := map[string]func() error{
		"ListPublished": func() error { _, _, err := articles.ListPublished(ctx, models.ListFilter{}, 3); return err },
		"ListPublished section": func() error {
			_, _, err := articles.ListPublished(ctx, models.ListFilter{CategoryID: 2}, 3)
			return err
		},
		"ListPublished tag":      func() error { _, _, err := articles.ListPublished(ctx, models.ListFilter{TagID: 1}, 3); return err },
		"ListPublished author":   func() error { _, _, err := articles.ListPublished(ctx, models.ListFilter{AuthorID: 2}, 3); return err },
		"Latest":                 func() error { _, err := articles.Latest(ctx, 5); return err },
		"LatestInCategory":       func() error { _, err := articles.LatestInCategory(ctx, 2, 4); return err },
		"Lead":                   func() error { _, err := articles.Lead(ctx); return err },
		"Related":                func() error { _, err := articles.Related(ctx, a, 4); return err },
		"PublishedBySlug":        func() error { _, err := articles.PublishedBySlug(ctx, "some-slug"); return err },
		"NextScheduled":          func() error { _, _, err := articles.NextScheduled(ctx, now); return err },
		"Comments.Approved":      func() error { _, err := comments.Approved(ctx, 7); return err },
		"Empty (start-up check)": func() error { _, err := models.Empty(ctx, ex); return err },
	}
	for name, call := range calls {
		fresh()
		if err := call(); err != nil && !errors.Is(err, models.ErrNotFound) {
			t.Errorf("%s: %v", name, err)
			continue
		}
		plans := log.take()
		if len(plans) == 0 {
			t.Errorf("%s sent no query", name)
		}
		for q, lines := range plans {
			t.Logf("%s:\n  %s", name, strings.Join(lines, "\n  "))
			for _, l := range lines {
				if fullScan.MatchString(l) {
					t.Errorf("%s scans a whole table (%q) in:\n%s", name, l, q)
				}
			}
		}
	}
}
