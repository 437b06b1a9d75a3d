package models_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/models/demo"
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
	err = demo.GenerateCorpus(context.Background(), d, demo.CorpusOptions{Articles: articles, Comments: comments, Seed: 9,
		Now: time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestCommentCountFollowsModeration checks the triggers that keep each
// article's approved-comment count: whoever writes comments, the lists
// show the right number.
func TestCommentCountFollowsModeration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	d := newCorpusDB(t, 20, 0)
	store := models.NewArticleStore(d, func() time.Time { return time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC) })
	count := func(id int64) int {
		t.Helper()
		list, _, err := store.ListPublished(ctx, models.ListFilter{}, 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range list {
			if a.ID == id {
				return a.CommentCount
			}
		}
		t.Fatalf("article %d not listed", id)
		return 0
	}
	list, err := store.Latest(ctx, 2)
	if err != nil || len(list) < 2 {
		t.Fatal(err)
	}
	a, b := list[0].ID, list[1].ID
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := d.Exec(ctx, q, args...); err != nil {
			t.Fatal(err)
		}
	}
	add := `INSERT INTO comments (article_id, name, body_html, status, created_at) VALUES (?, 'Rosa', '<p>Yes.</p>', ?, 0)`
	exec(add, a, models.CommentPending)
	exec(add, a, models.CommentApproved)
	exec(add, a, models.CommentSpam)
	steps := []struct {
		do     func()
		wantA  int
		wantB  int
		action string
	}{
		{func() {}, 1, 0, "one approved, one pending, one spam"},
		{func() { exec(`UPDATE comments SET status = 'approved' WHERE status = 'pending'`) }, 2, 0, "pending approved"},
		{func() { exec(`UPDATE comments SET status = 'spam' WHERE id = (SELECT MIN(id) FROM comments)`) }, 1, 0, "approved marked spam"},
		{func() { exec(`UPDATE comments SET article_id = ? WHERE status = 'approved'`, b) }, 0, 1, "moved to another article"},
		{func() { exec(`UPDATE comments SET name = 'Rosa P.'`) }, 0, 1, "name edited"},
		{func() { exec(`DELETE FROM comments WHERE status = 'approved'`) }, 0, 0, "deleted"},
	}
	for _, s := range steps {
		s.do()
		if ga, gb := count(a), count(b); ga != s.wantA || gb != s.wantB {
			t.Errorf("after %s: counts %d and %d, want %d and %d", s.action, ga, gb, s.wantA, s.wantB)
		}
	}
}

// TestTagPagesFollowPublication checks the triggers that keep a tag's
// listing in step with its articles' status and publish time.
func TestTagPagesFollowPublication(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now := time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)
	d := newCorpusDB(t, 10, 0)
	store := models.NewArticleStore(d, func() time.Time { return now })
	list, err := store.Latest(ctx, 1)
	if err != nil || len(list) == 0 {
		t.Fatal(err)
	}
	ref := list[0]
	create := func(title string, at time.Time) int64 {
		a, err := store.Create(ctx, models.ArticleInput{Title: title, BodyMD: "Text.", CategoryID: ref.Category.ID,
			AuthorID: ref.Author.ID, Status: models.StatusPublished, PublishedAt: at, Tags: []string{"Night trains"}})
		if err != nil {
			t.Fatal(err)
		}
		return a.ID
	}
	older := create("Sleeper service returns", now.Add(-2*time.Hour))
	newer := create("New routes to the coast", now.Add(-time.Hour))
	later := create("Timetable for the summer", now.Add(time.Hour))
	var tag int64
	if err := d.R.QueryRow(`SELECT id FROM tags WHERE slug = 'night-trains'`).Scan(&tag); err != nil {
		t.Fatal(err)
	}
	ids := func() []int64 {
		t.Helper()
		list, _, err := store.ListPublished(ctx, models.ListFilter{TagID: tag}, 1)
		if err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, a := range list {
			out = append(out, a.ID)
		}
		return out
	}
	check := func(when string, want ...int64) {
		t.Helper()
		if got := ids(); !slices.Equal(got, want) {
			t.Errorf("%s: tag lists %v, want %v", when, got, want)
		}
	}
	check("at first", newer, older)
	if _, err := d.Exec(ctx, `UPDATE articles SET status = 'draft' WHERE id = ?`, newer); err != nil {
		t.Fatal(err)
	}
	check("after unpublishing", older)
	if _, err := d.Exec(ctx, `UPDATE articles SET status = 'published', published_at = ? WHERE id = ?`,
		now.Add(-3*time.Hour).Unix(), newer); err != nil {
		t.Fatal(err)
	}
	check("after republishing earlier", older, newer)
	now = now.Add(2 * time.Hour)
	check("once the scheduled one is due", later, older, newer)
}
