package handlers

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
	"golang.org/x/net/html"
)

// TestReaderPageSnapshots keeps what readers see on every reader page type:
// the text and the element structure (tags, attributes, nesting), not the
// bytes, so a change in how a page is built that readers would not notice
// passes, and one they would notice fails. A commit that changes reader
// pages on purpose regenerates the snapshots (go test ./handlers -run
// TestReaderPageSnapshots -update) and says so.
func TestReaderPageSnapshots(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := context.Background()
	article := firstArticlePath(t, ts)
	id := ts.articleID(t, article)
	if err := ts.H.Articles.AddCorrection(ctx, id, "An earlier version misspelled a name.", models.Editor{}); err != nil {
		t.Fatal(err)
	}
	a, err := ts.H.Articles.PublishedBySlug(ctx, lastSegment(article))
	if err != nil {
		t.Fatal(err)
	}
	tags, err := ts.H.Tags.ForArticle(ctx, a.ID)
	if err != nil || len(tags) == 0 {
		t.Fatalf("the demo article %s has no tags (%v)", article, err)
	}
	word := strings.Fields(a.Title)[0]
	pages := []struct {
		name, path string
		status     int
	}{
		{"front", "/", http.StatusOK},
		{"article", article, http.StatusOK},
		{"section", a.Category.URL(), http.StatusOK},
		{"tag", tags[0].URL(), http.StatusOK},
		{"author", a.Author.URL(), http.StatusOK},
		{"search", "/search?q=" + word, http.StatusOK},
		{"search-empty", "/search", http.StatusOK},
		{"corrections", "/corrections", http.StatusOK},
		{"not-found", "/no-such-section/no-such-story", http.StatusNotFound},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			res, body := ts.get(t, p.path)
			if res.StatusCode != p.status {
				t.Fatalf("GET %s: %d, want %d", p.path, res.StatusCode, p.status)
			}
			got, err := pageOutline(body)
			if err != nil {
				t.Fatalf("GET %s: %v", p.path, err)
			}
			file := filepath.Join("testdata", "snapshots", p.name+".txt")
			if *updateGolden {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if diff := firstDifference(string(want), got); diff != "" {
				t.Errorf("GET %s differs from %s:\n%s", p.path, file, diff)
			}
		})
	}
}

// volatile matches attribute values that change from run to run without
// a reader noticing: the asset fingerprint and form tokens.
var (
	assetHash   = regexp.MustCompile(`(/static/)[0-9a-f]{8,}/`)
	spaces      = regexp.MustCompile(`\s+`)
	volatileKey = map[string]bool{"csrf": true, "_csrf": true, "nonce": true}
)

// pageOutline writes a page as one line per element (indented by depth,
// attributes sorted) and one line per run of text, whitespace collapsed.
func pageOutline(page string) (string, error) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		indent := strings.Repeat("  ", depth)
		switch n.Type {
		case html.ElementNode:
			b.WriteString(indent + "<" + n.Data + attrList(n) + ">\n")
		case html.TextNode:
			if text := strings.TrimSpace(spaces.ReplaceAllString(n.Data, " ")); text != "" {
				fmt.Fprintf(&b, "%s%q\n", indent, text)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			d := depth
			if n.Type == html.ElementNode {
				d++
			}
			walk(c, d)
		}
	}
	walk(doc, 0)
	return b.String(), nil
}

func attrList(n *html.Node) string {
	var hidden bool
	for _, a := range n.Attr {
		if a.Key == "name" && volatileKey[a.Val] {
			hidden = true
		}
	}
	var out []string
	for _, a := range n.Attr {
		v := assetHash.ReplaceAllString(a.Val, "$1")
		if hidden && a.Key == "value" || volatileKey[a.Key] {
			v = "…"
		}
		out = append(out, fmt.Sprintf(" %s=%q", a.Key, spaces.ReplaceAllString(v, " ")))
	}
	slices.Sort(out)
	return strings.Join(out, "")
}

// firstDifference shows the first line where two outlines part, with a
// little context, or "" when they are equal.
func firstDifference(want, got string) string {
	if want == got {
		return ""
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			from := max(0, i-3)
			return fmt.Sprintf("line %d:\ncontext:\n%s\nwant: %s\ngot:  %s", i+1, strings.Join(g[from:i], "\n"), wl, gl)
		}
	}
	return ""
}
