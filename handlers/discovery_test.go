package handlers

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata/")

// seedDiscovery fills a site with a small fixed set of articles for the
// search, feed, sitemap and meta tests: two sections, two authors, tags,
// markup that must be escaped, a draft and a scheduled article.
func seedDiscovery(t *testing.T, ts *testServer) map[string]models.Article {
	t.Helper()
	ctx := context.Background()
	cats := ts.H.Categories
	users := ts.H.Users
	world, err := cats.Create(ctx, models.CategoryInput{Name: "World News", Description: "News from everywhere.", Position: 1})
	if err != nil {
		t.Fatal(err)
	}
	sport, err := cats.Create(ctx, models.CategoryInput{Name: "Sports", Position: 2})
	if err != nil {
		t.Fatal(err)
	}
	ada, err := users.Create(ctx, models.UserInput{Email: "ada@example.com", Name: "Ada Byline", Role: models.RoleAuthor})
	if err != nil {
		t.Fatal(err)
	}
	bo, err := users.Create(ctx, models.UserInput{Email: "bo@example.com", Name: "Bo Quill", Role: models.RoleAuthor})
	if err != nil {
		t.Fatal(err)
	}
	store := ts.H.Articles
	out := map[string]models.Article{}
	add := func(key string, in models.ArticleInput) {
		if in.Status == "" {
			in.Status = models.StatusPublished
		}
		in.CommentsOpen = true
		a, err := store.Create(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		out[key] = a
	}
	h := time.Hour
	add("summit", models.ArticleInput{Title: "Harbour summit ends with a deal", CategoryID: world.ID, AuthorID: ada.ID,
		Summary: "Leaders agreed on shared harbour rules.", Tags: []string{"Diplomacy", "Harbours"},
		BodyMD:      "Leaders of the three harbour towns signed the deal at noon.\n\n![The quay](/static/quay.jpg)\n\nTalks ran **all night**.",
		PublishedAt: testNow.Add(-5 * h), UpdatedAt: testNow.Add(-2 * h)})
	add("markup", models.ArticleInput{Title: `Q&A: why "<b>" tags & ]]> end up in headlines`, CategoryID: world.ID, AuthorID: bo.ID,
		Summary: `Editors explain <script>alert("x")</script> and other oddities.`, Tags: []string{"Media"},
		BodyMD:      "A body with <script>alert(1)</script> in it, a [link](https://example.org/?a=1&b=2) and ]]> too.",
		PublishedAt: testNow.Add(-30 * h)})
	add("match", models.ArticleInput{Title: "Rovers win the harbour derby", CategoryID: sport.ID, AuthorID: bo.ID,
		Summary: "A late goal settled it.", Tags: []string{"Football"},
		BodyMD: "The match at the harbour ground ended 2-1.", PublishedAt: testNow.Add(-72 * h)})
	add("draft", models.ArticleInput{Title: "Harbour secret draft", CategoryID: world.ID, AuthorID: ada.ID,
		Status: models.StatusDraft, BodyMD: "Unpublished harbour plans."})
	add("future", models.ArticleInput{Title: "Harbour festival scheduled", CategoryID: sport.ID, AuthorID: ada.ID,
		BodyMD: "Tomorrow's harbour news.", PublishedAt: testNow.Add(24 * h)})
	return out
}

// golden compares got with testdata/name, rewriting the file with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateGolden {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./handlers -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (go test ./handlers -run %s -update to accept):\n%s", name, t.Name(), got)
	}
}
