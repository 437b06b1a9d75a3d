package demo

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/models"
)

func newCorpusDB(t *testing.T, articles, comments int) *db.DB {
	t.Helper()
	d, err := db.Open(filepath.Join(t.TempDir(), "news.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	err = GenerateCorpus(context.Background(), d, CorpusOptions{Articles: articles, Comments: comments, Seed: 9,
		Now: time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestCorpusBodiesAreWhatTheEditorWouldSave checks that the generated HTML
// is exactly what saving the generated Markdown makes.
func TestCorpusBodiesAreWhatTheEditorWouldSave(t *testing.T) {
	t.Parallel()
	d := newCorpusDB(t, 30, 300)
	rows, err := d.R.Query(`SELECT body_md, body_html, (SELECT COUNT(*) FROM comments) FROM articles LIMIT 5`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var md, html string
		var comments int
		if err := rows.Scan(&md, &html, &comments); err != nil {
			t.Fatal(err)
		}
		want, err := models.RenderMarkdown(md)
		if err != nil || string(want) != html {
			t.Fatalf("stored HTML differs from the rendered Markdown:\n%.200s\n%.200s", html, want)
		}
		if words := len(strings.Fields(md)); words < 400 || words > 1600 {
			t.Errorf("body of %d words", words)
		}
		if comments != 300 {
			t.Errorf("%d comments, want 300", comments)
		}
	}
}
