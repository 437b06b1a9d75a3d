package wordpress

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsroom/news/db"
)

const sampleUploads = "../../../shared/wordpress/uploads"

func newDB(t *testing.T) *db.DB {
	t.Helper()
	d, err := db.Open(filepath.Join(t.TempDir(), "news.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return d
}

func importFile(t *testing.T, d *db.DB, path string, opt Options) *Report {
	t.Helper()
	if opt.Uploads == "" {
		opt.Uploads = sampleUploads
	}
	rep, err := Import(context.Background(), d, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func count(t *testing.T, d *db.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := d.R.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// sampleWith writes a copy of the sample export with replacements made.
func sampleWith(t *testing.T, pairs ...string) string {
	t.Helper()
	b, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("the sample has no %q", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	p := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// tableCounts are the rows of every table an import writes.
func tableCounts(t *testing.T, d *db.DB) map[string]int {
	out := map[string]int{}
	for _, tb := range []string{"users", "categories", "tags", "articles", "article_tags", "comments", "media", "old_addresses", "import_map", "revisions"} {
		out[tb] = count(t, d, "SELECT COUNT(*) FROM "+tb)
	}
	return out
}
