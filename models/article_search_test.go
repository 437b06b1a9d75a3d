package models

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/db"
)

var searchNow = time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)

// searchCorpus is a small fixed set of articles, keyed by a short name.
type searchCorpus struct {
	db       *db.DB
	articles *ArticleStore
	ids      map[string]int64
	catID    int64
	authorID int64
}

func newSearchCorpus(t *testing.T) *searchCorpus {
	t.Helper()
	ctx := context.Background()
	d, err := db.Open(filepath.Join(t.TempDir(), "news.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	cat, err := NewCategoryStore(d).Create(ctx, CategoryInput{Name: "World News"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := NewUserStore(d).Create(ctx, UserInput{Email: "ada@example.com", Name: "Ada Reporter", Role: RoleAuthor})
	if err != nil {
		t.Fatal(err)
	}
	sc := &searchCorpus{db: d, articles: NewArticleStore(d, func() time.Time { return searchNow }),
		ids: map[string]int64{}, catID: cat.ID, authorID: u.ID}
	day := 24 * time.Hour
	sc.add(t, "title", ArticleInput{Title: "Harbour bridge reopens", Summary: "Traffic returns.",
		BodyMD: "Engineers finished the repairs on time.", PublishedAt: searchNow.Add(-40 * day)})
	sc.add(t, "body", ArticleInput{Title: "City council meets", Summary: "A long agenda.",
		BodyMD: "Among other things the council discussed the harbour and its old bridge.", PublishedAt: searchNow.Add(-40 * day)})
	sc.add(t, "tagged", ArticleInput{Title: "Weekend markets", Summary: "Stalls and food.",
		BodyMD: "Farmers sold apples.", Tags: []string{"Harbour life"}, PublishedAt: searchNow.Add(-40 * day)})
	sc.add(t, "old", ArticleInput{Title: "Elections called", BodyMD: "Voters will elect a new parliament.",
		PublishedAt: searchNow.Add(-400 * day)})
	sc.add(t, "new", ArticleInput{Title: "Elections called", BodyMD: "Voters will elect a new parliament.",
		PublishedAt: searchNow.Add(-1 * day)})
	sc.add(t, "draft", ArticleInput{Title: "Secret harbour plan", BodyMD: "Not yet.", Status: StatusDraft})
	sc.add(t, "future", ArticleInput{Title: "Harbour festival announced", BodyMD: "Tomorrow.",
		PublishedAt: searchNow.Add(day)})
	sc.add(t, "html", ArticleInput{Title: "Markup in stories", Summary: "<b>bold</b> & <script>x</script>",
		BodyMD: "The tag <script>alert(1)</script> is shown as text when a reader searches for scripting."})
	return sc
}

func (sc *searchCorpus) add(t *testing.T, key string, in ArticleInput) {
	t.Helper()
	in.CategoryID, in.AuthorID = sc.catID, sc.authorID
	if in.Status == "" {
		in.Status = StatusPublished
	}
	a, err := sc.articles.Create(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	sc.ids[key] = a.ID
}

// keys names the articles a search returned, in order.
func (sc *searchCorpus) keys(t *testing.T, q string) []string {
	t.Helper()
	res, _, err := sc.articles.Search(context.Background(), q, 1)
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	byID := map[int64]string{}
	for k, id := range sc.ids {
		byID[id] = k
	}
	var out []string
	for _, r := range res {
		out = append(out, byID[r.ID])
	}
	return out
}

func TestSearchRanking(t *testing.T) {
	t.Parallel()
	sc := newSearchCorpus(t)
	tests := []struct {
		q    string
		want string
	}{
		// Title above tags above body; drafts and future articles never.
		{"harbour", "title tagged body"},
		// Stemming: "harbours" and "harboured" find "harbour".
		{"harbours", "title tagged body"},
		// Same text: the recent article first.
		{"elections", "new old"},
		{"electing", "new old"},
		{"Ada Reporter bridge", "title body"},
		{`"old bridge"`, "body"},
		{`"bridge old"`, ""},
		{"nothing-matches-this", ""},
	}
	for _, tt := range tests {
		got := strings.Join(sc.keys(t, tt.q), " ")
		if got != tt.want {
			t.Errorf("search %q = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestSearchFollowsEdits(t *testing.T) {
	t.Parallel()
	sc := newSearchCorpus(t)
	ctx := context.Background()
	// A draft published later is found at once; taken back, it is gone.
	if _, err := sc.db.Exec(ctx, `UPDATE articles SET status = 'published', published_at = ? WHERE id = ?`,
		searchNow.Add(-time.Hour).Unix(), sc.ids["draft"]); err != nil {
		t.Fatal(err)
	}
	if got := sc.keys(t, "secret"); strings.Join(got, " ") != "draft" {
		t.Errorf("after publishing: %v", got)
	}
	if _, err := sc.db.Exec(ctx, `UPDATE articles SET title = 'Quiet harbour plan' WHERE id = ?`, sc.ids["draft"]); err != nil {
		t.Fatal(err)
	}
	if got := sc.keys(t, "secret"); len(got) != 0 {
		t.Errorf("old title still found: %v", got)
	}
	if _, err := sc.db.Exec(ctx, `UPDATE articles SET status = 'draft' WHERE id = ?`, sc.ids["draft"]); err != nil {
		t.Fatal(err)
	}
	if got := sc.keys(t, "quiet"); len(got) != 0 {
		t.Errorf("unpublished article still found: %v", got)
	}
	// Tags and author names follow renames.
	err := sc.db.WithTx(ctx, func(tx *db.Tx) error {
		return setArticleTags(ctx, tx, sc.ids["old"], []string{"Zeppelins"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := sc.keys(t, "zeppelin"); strings.Join(got, " ") != "old" {
		t.Errorf("new tag: %v", got)
	}
	if _, err := sc.db.Exec(ctx, `UPDATE tags SET name = 'Airships' WHERE slug = 'zeppelins'`); err != nil {
		t.Fatal(err)
	}
	if got := sc.keys(t, "airships"); strings.Join(got, " ") != "old" {
		t.Errorf("renamed tag: %v", got)
	}
	if _, err := sc.db.Exec(ctx, `UPDATE users SET name = 'Grace Hopper' WHERE id = ?`, sc.authorID); err != nil {
		t.Fatal(err)
	}
	if got := sc.keys(t, "hopper"); len(got) != 6 {
		t.Errorf("renamed author finds %d articles, want the 6 live ones: %v", len(got), got)
	}
	// Rescheduled to next week, an article leaves the results until then.
	if _, err := sc.db.Exec(ctx, `UPDATE articles SET published_at = ? WHERE id = ?`,
		searchNow.Add(7*24*time.Hour).Unix(), sc.ids["title"]); err != nil {
		t.Fatal(err)
	}
	if got := sc.keys(t, "engineers"); len(got) != 0 {
		t.Errorf("rescheduled article found: %v", got)
	}
	// Time passes: the scheduled article goes live.
	sc.articles.now = func() time.Time { return searchNow.Add(48 * time.Hour) }
	if got := sc.keys(t, "festival"); strings.Join(got, " ") != "future" {
		t.Errorf("scheduled article after its time: %v", got)
	}
	if _, err := sc.db.Exec(ctx, `DELETE FROM articles WHERE id = ?`, sc.ids["future"]); err != nil {
		t.Fatal(err)
	}
	if got := sc.keys(t, "festival"); len(got) != 0 {
		t.Errorf("deleted article found: %v", got)
	}
}

func TestSearchSnippetIsSafe(t *testing.T) {
	t.Parallel()
	sc := newSearchCorpus(t)
	res, _, err := sc.articles.Search(context.Background(), "scripting", 1)
	if err != nil || len(res) != 1 {
		t.Fatalf("got %v, %v", res, err)
	}
	snip := string(res[0].Snippet)
	if strings.Contains(snip, "<script") || strings.Contains(snip, "<b>") {
		t.Errorf("snippet not escaped: %s", snip)
	}
	if !strings.Contains(snip, "&lt;<mark>script</mark>&gt;") {
		t.Errorf("match not highlighted: %s", snip)
	}
}

func TestHighlightSnippet(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"a \x02b\x03 c", "a <mark>b</mark> c"},
		{"<i>\x02x\x03</i>", "&lt;i&gt;<mark>x</mark>&lt;/i&gt;"},
		{"\x03stray\x02 open", "stray<mark> open</mark>"},
		{"\x02\x02double\x03\x03", "<mark>double</mark>"},
		{`"quote" & 'apos'`, "&#34;quote&#34; &amp; &#39;apos&#39;"},
	}
	for _, tt := range tests {
		if got := string(HighlightSnippet(tt.in)); got != tt.want {
			t.Errorf("HighlightSnippet(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSearchQuery(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"harbour bridge", `"harbour" "bridge"`},
		{`"old bridge" harbour`, `"old bridge" "harbour"`},
		{"covid-19 10:30", `"covid 19" "10 30"`},
		{"elect*", `"elect"`},
		{"*", ""},
		{"x * y", `"x" "y"`},
		{"a * b", `"b"`},
		{"war AND peace NOT NEAR(x y)", `"war" "peace" "NOT" "NEAR" "x" "y"`},
		{"the state of the art", `"state" "art"`},
		{`the "state of the art"`, `"state of the art"`},
		{"The AND", ""},
		{`"the"`, ""},
		{"the*", ""},
		{"title:secret ^start", `"title secret" "start"`},
		{"<script>alert(1)</script>", `"script" "alert" "1" "script"`},
		{"o'brien www.example.com", `"o brien" "www example com"`},
		{"🎉🎉", ""},
		{"café 🎉 naïve", `"café" "naïve"`},
		{`unbalanced "quote`, `"unbalanced" "quote"`},
		{`""`, ""},
		{"   ", ""},
	}
	for _, tt := range tests {
		if got := SearchQuery(tt.in); got != tt.want {
			t.Errorf("SearchQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSearchHostileQueries(t *testing.T) {
	t.Parallel()
	sc := newSearchCorpus(t)
	queries := []string{
		`"`, `""`, `"""`, `*`, `**`, `harbour*`, `*harbour`, `AND`, `OR`, `NOT`, `NEAR`, `harbour AND`,
		`NOT harbour`, `NEAR(harbour bridge, 2)`, `(harbour`, `harbour)`, `()`, `-harbour`, `harbour-`,
		`title:harbour`, `:`, `{title summary}:x`, `^harbour`, `+`, `🎉`, "\x00\x02\x03", `\`, `'`, `%`,
		`a"b"c`, "\u0301", strings.Repeat("harbour ", 250), strings.Repeat("x", 2000), strings.Repeat(`"(*`, 700),
	}
	for _, q := range queries {
		if _, _, err := sc.articles.Search(context.Background(), q, 1); err != nil {
			t.Errorf("search %.40q: %v", q, err)
		}
	}
}

func TestSitemapPages(t *testing.T) {
	t.Parallel()
	sc := newSearchCorpus(t)
	ctx := context.Background()
	// 6 live articles (the draft and the future one left out), 4 a page.
	pages, err := sc.articles.SitemapPages(ctx, 4)
	if err != nil || len(pages) != 2 {
		t.Fatalf("pages %v, %v; want 2", pages, err)
	}
	var all []string
	for n := 1; n <= 3; n++ {
		entries, err := sc.articles.SitemapEntries(ctx, n, 4)
		if err != nil {
			t.Fatal(err)
		}
		var newest time.Time
		for _, e := range entries {
			all = append(all, e.Slug)
			if e.LastMod.After(newest) {
				newest = e.LastMod
			}
		}
		if n <= 2 && !newest.Equal(pages[n-1]) {
			t.Errorf("page %d last changed %v, index says %v", n, newest, pages[n-1])
		}
	}
	if len(all) != 6 {
		t.Errorf("entries %v, want the 6 live articles once each", all)
	}
	for _, slug := range all {
		if strings.Contains(slug, "secret") || strings.Contains(slug, "festival") {
			t.Errorf("sitemap lists %s", slug)
		}
	}
}

// The newsroom's own write paths keep the index right: an edit is found at
// once under its new words, unpublishing and the trash take it away.
func TestSearchFollowsNewsroomEdits(t *testing.T) {
	t.Parallel()
	sc := newSearchCorpus(t)
	ctx := context.Background()
	by := Editor{ID: sc.authorID, Note: "edited"}
	a, err := sc.articles.ByID(ctx, sc.ids["body"])
	if err != nil {
		t.Fatal(err)
	}
	_, err = sc.articles.UpdateEdited(ctx, a.ID, a.Version, ArticleInput{
		Title: "City council meets", Slug: a.Slug, Summary: a.Summary, CategoryID: sc.catID, AuthorID: sc.authorID,
		BodyMD: "The council debated the new lighthouse.", Status: StatusPublished, PublishedAt: a.PublishedAt,
		Tags: []string{"Maritime"},
	}, by)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"lighthouse", "maritime"} {
		if got := sc.keys(t, q); strings.Join(got, " ") != "body" {
			t.Errorf("after the edit, %q finds %v", q, got)
		}
	}
	if got := sc.keys(t, "bridge"); strings.Join(got, " ") != "title" {
		t.Errorf("the old body is still found: %v", got)
	}
	if _, err := sc.articles.Unpublish(ctx, []int64{a.ID}, by); err != nil {
		t.Fatal(err)
	}
	if got := sc.keys(t, "lighthouse"); len(got) != 0 {
		t.Errorf("unpublished article found: %v", got)
	}
	if _, err := sc.articles.Publish(ctx, []int64{a.ID}, by); err != nil {
		t.Fatal(err)
	}
	if got := sc.keys(t, "lighthouse"); len(got) != 1 {
		t.Errorf("republished article not found: %v", got)
	}
	if _, err := sc.articles.Trash(ctx, []int64{a.ID}, by); err != nil {
		t.Fatal(err)
	}
	if got := sc.keys(t, "lighthouse"); len(got) != 0 {
		t.Errorf("trashed article found: %v", got)
	}
}
