package wordpress

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/models"
)

var (
	imgAlt     = regexp.MustCompile(`<img [^>]*alt="([^"]+)"`)
	figcaption = regexp.MustCompile(`(?s)<figcaption([^>]*)>(.*?)</figcaption>`)
)

func itoa(n int64) string      { return strconv.FormatInt(n, 10) }
func htmlAttr(s string) string { return html.EscapeString(html.UnescapeString(s)) }
func htmlText(s string) string { return html.EscapeString(s) }

// checkThreads: every imported comment answers the comment it answered in
// WordPress, or, past the depth the site shows, that comment's ancestor at
// the deepest level allowed.
func checkThreads(t *testing.T, d *db.DB, posts []*Item) {
	t.Helper()
	local := func(wp int64) (id, parent int64) {
		err := d.R.QueryRow(`SELECT c.id, COALESCE(c.parent_id, 0) FROM import_map im JOIN comments c ON c.id = im.local_id
			WHERE im.kind = 'comment' AND im.source_id = ?`, wp).Scan(&id, &parent)
		if err != nil {
			t.Fatalf("comment %d: %v", wp, err)
		}
		return id, parent
	}
	deepest := 0
	for _, it := range posts {
		parents := map[int64]int64{}
		for _, c := range it.Comments {
			parents[c.ID] = c.Parent
		}
		for _, c := range it.Comments {
			if _, ok := commentStatus(c.Approved); !ok || c.Type == "pingback" {
				continue
			}
			var chain []int64 // its ancestors, nearest first
			for p := c.Parent; p != 0; p = parents[p] {
				chain = append(chain, p)
			}
			deepest = max(deepest, len(chain)+1)
			want := int64(0)
			if n := len(chain); n > 0 {
				// At depth n+1; past MaxCommentDepth it sits under the ancestor at MaxCommentDepth-1.
				want = chain[0]
				if n+1 > models.MaxCommentDepth {
					want = chain[n-(models.MaxCommentDepth-1)]
				}
				want, _ = local(want)
			}
			if _, parent := local(c.ID); parent != want {
				t.Errorf("comment %d on %q: parent %d, want %d", c.ID, it.Title, parent, want)
			}
		}
	}
	if deepest < 4 {
		t.Errorf("the sample's deepest thread is 4 levels, saw %d", deepest)
	}
}

// noScript: nothing in any article or comment can run.
func noScript(t *testing.T, d *db.DB) {
	t.Helper()
	rows, err := d.R.Query(`SELECT 'article ' || slug, body_html FROM articles UNION ALL SELECT 'comment ' || id, body_html FROM comments`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var what, body string
		if err := rows.Scan(&what, &body); err != nil {
			t.Fatal(err)
		}
		low := strings.ToLower(body)
		for _, bad := range []string{"<script", "javascript:", "onerror", "onload", "<iframe", "<style"} {
			if strings.Contains(low, bad) {
				t.Errorf("%s holds %q: %s", what, bad, body)
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}
