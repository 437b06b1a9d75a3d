package handlers

import (
	"context"
	"net/url"
	"testing"

	"github.com/newsroom/news/models"
)

// storedComment is a comments row as the tests read it back.
type storedComment struct {
	ID      int64
	Article int64
	Parent  int64
	Name    string
	Email   string
	Body    string
	Status  string
	IPHash  string
	Created int64
}

// commentTestServer is a demo site that publishes comments at once and
// counts no rate, so a test can post as often as it needs.
func commentTestServer(t testing.TB, mode string) *testServer {
	t.Helper()
	ts := newTestServer(t, true)
	ts.setSettings(t, func(s *models.Settings) { s.ModerationMode = mode })
	ts.H.Site.Reader.CommentLimit.SetRates()
	return ts
}

func (ts *testServer) setSettings(t testing.TB, change func(*models.Settings)) {
	t.Helper()
	ctx := context.Background()
	st, err := ts.H.Settings.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	change(&st)
	if err := ts.H.Settings.Save(ctx, st); err != nil {
		t.Fatal(err)
	}
}

// articleID returns the id of the article at path.
func (ts *testServer) articleID(t testing.TB, path string) int64 {
	t.Helper()
	var id int64
	slug := path[len(path)-len(lastSegment(path)):]
	if err := ts.H.DB.R.QueryRow(`SELECT id FROM articles WHERE slug = ?`, slug).Scan(&id); err != nil {
		t.Fatalf("article %s: %v", path, err)
	}
	return id
}

func lastSegment(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[i+1:]
		}
	}
	return p
}

// comments returns every stored comment, oldest first.
func (ts *testServer) comments(t testing.TB) []storedComment {
	t.Helper()
	rows, err := ts.H.DB.R.Query(`SELECT id, article_id, COALESCE(parent_id, 0), name, email, body_html, status, ip_hash, created_at
		FROM comments WHERE ip_hash != '' ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []storedComment
	for rows.Next() {
		var c storedComment
		if err := rows.Scan(&c.ID, &c.Article, &c.Parent, &c.Name, &c.Email, &c.Body, &c.Status, &c.IPHash, &c.Created); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// lastComment returns the newest comment posted through the site.
func (ts *testServer) lastComment(t testing.TB) storedComment {
	t.Helper()
	all := ts.comments(t)
	if len(all) == 0 {
		t.Fatal("no comment was stored")
	}
	return all[len(all)-1]
}

func (ts *testServer) setCommentStatus(t testing.TB, id int64, status string) {
	t.Helper()
	if _, err := ts.H.Comments.SetStatus(context.Background(), []int64{id}, status); err != nil {
		t.Fatal(err)
	}
}

// commentForm is a filled-in comment form.
func commentForm(comment, name string, more ...string) url.Values {
	f := url.Values{"comment": {comment}, "name": {name}}
	for i := 0; i+1 < len(more); i += 2 {
		f.Set(more[i], more[i+1])
	}
	return f
}
