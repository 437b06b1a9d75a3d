package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

// warmSite is a set of reader pages held in the page cache, each with the
// tags it was served with.
type warmSite struct {
	ts    *testServer
	tags  map[string][]string // by path
	paths []string
}

// warm fetches every reader page a write could touch (the front page,
// every section, tag and author page, a dozen articles, the feed and the
// sitemap) until each is a cache hit, and notes its tags.
func warm(t *testing.T, ts *testServer) *warmSite {
	t.Helper()
	w := &warmSite{ts: ts, tags: map[string][]string{}}
	paths := []string{"/", "/feed", "/sitemap.xml"}
	q := func(query string) {
		rows, err := ts.H.DB.Query(context.Background(), query)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var p string
			if err := rows.Scan(&p); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, p)
		}
	}
	q(`SELECT '/category/' || slug FROM categories`)
	q(`SELECT '/tag/' || slug FROM tags`)
	q(`SELECT DISTINCT '/author/' || u.slug FROM users u JOIN articles a ON a.author_id = u.id`)
	q(`SELECT '/' || c.slug || '/' || a.slug FROM articles a JOIN categories c ON c.id = a.category_id
		WHERE a.status = 'published' ORDER BY a.published_at LIMIT 12`)
	for _, p := range paths {
		ts.fetch(t, p)
		res, _ := ts.fetch(t, p)
		if res.StatusCode != http.StatusOK {
			continue
		}
		wantCache(t, res, "hit")
		w.paths = append(w.paths, p)
		w.tags[p] = strings.Fields(res.Header.Get("Surrogate-Key"))
	}
	return w
}

// dropped fetches every warm page again and returns those that were no
// longer cached. Each is fetched twice, so the site is warm again after.
func (w *warmSite) dropped(t *testing.T) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, p := range w.paths {
		res, _ := w.ts.fetch(t, p)
		if res.Header.Get("X-Cache") == "miss" {
			out[p] = true
		}
		w.ts.fetch(t, p)
	}
	return out
}

// expect checks that exactly the warm pages carrying one of tags dropped.
func (w *warmSite) expect(t *testing.T, what string, tags ...string) map[string]bool {
	t.Helper()
	got := w.dropped(t)
	for _, p := range w.paths {
		want := false
		for _, tag := range tags {
			for _, has := range w.tags[p] {
				want = want || has == tag
			}
		}
		if got[p] != want {
			t.Errorf("%s: %s dropped = %v, want %v (its tags: %v)", what, p, got[p], want, w.tags[p])
		}
	}
	return got
}

func TestWritesNoReaderSeesDropNothing(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateAll)
	w := warm(t, ts)
	article := w.paths[len(w.paths)-1]
	res, _ := ts.postForm(t, article+"/comments", commentForm("Held until a moderator reads it.", "Rita"))
	if res.StatusCode != http.StatusSeeOther || ts.lastComment(t).Status != models.CommentPending {
		t.Fatalf("comment: %d, status %q", res.StatusCode, ts.lastComment(t).Status)
	}
	w.expect(t, "a held comment")
	held := ts.lastComment(t).ID
	ts.setCommentStatus(t, held, models.CommentSpam)
	w.expect(t, "marking a held comment spam")
	ts.setCommentStatus(t, held, models.CommentTrash)
	w.expect(t, "trashing it")
	if err := ts.H.Audit.Record(context.Background(), models.AuditEntry{Action: "login", Detail: "signed in"}); err != nil {
		t.Fatal(err)
	}
	ts.postForm(t, "/admin/login", url.Values{"email": {"nobody@example.com"}, "password": {"wrong"}})
	w.expect(t, "a sign-in attempt and an audit entry")
}

func TestApprovingACommentDropsOnlyPagesShowingItsArticlesComments(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateAll)
	w := warm(t, ts)
	article := w.paths[len(w.paths)-1]
	ts.postForm(t, article+"/comments", commentForm("Approved after a read.", "Rita"))
	c := ts.lastComment(t)
	w.expect(t, "a held comment")
	ts.setCommentStatus(t, c.ID, models.CommentApproved)
	got := w.expect(t, "approving it", string(models.ArticleCommentsTag(c.Article)))
	if !got[article] {
		t.Errorf("the article's own page %s was kept", article)
	}
	if _, body := ts.fetch(t, article); !strings.Contains(body, "Approved after a read.") {
		t.Error("the approved comment is not shown")
	}
}

func TestEditingAnArticleDropsOnlyPagesShowingIt(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	w := warm(t, ts)
	path := w.paths[len(w.paths)-1]
	a, err := ts.H.Articles.ByID(context.Background(), ts.articleID(t, path))
	if err != nil {
		t.Fatal(err)
	}
	in := models.ArticleInput{Title: "A corrected headline", Slug: a.Slug, Summary: a.Summary, BodyMD: a.BodyMD,
		CategoryID: a.Category.ID, AuthorID: a.Author.ID, Status: a.Status, CommentsOpen: a.CommentsOpen,
		Featured: a.Featured, PublishedAt: a.PublishedAt, Tags: tagNames(t, ts, a.ID)}
	if _, err := ts.H.Articles.UpdateEdited(context.Background(), a.ID, a.Version, in, models.Editor{Note: "edited"}); err != nil {
		t.Fatal(err)
	}
	got := w.expect(t, "editing an article", string(models.ArticleTag(a.ID)))
	if !got[path] || len(got) == len(w.paths) {
		t.Errorf("dropped %d of %d pages, its own page %v", len(got), len(w.paths), got[path])
	}
	if _, body := ts.fetch(t, path); !strings.Contains(body, "A corrected headline") {
		t.Error("the edit is not shown")
	}
}

func tagNames(t *testing.T, ts *testServer, id int64) []string {
	t.Helper()
	tags, err := ts.H.Tags.ForArticle(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tag := range tags {
		out = append(out, tag.Name)
	}
	return out
}

func TestPublishingAndSettingsDropThePagesTheyChange(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ctx := context.Background()
	w := warm(t, ts)
	cats, err := ts.H.Categories.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	users, err := ts.H.Articles.Latest(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	// A draft is seen by no reader.
	in := models.ArticleInput{Title: "Tide tables move online", BodyMD: "Now on the web.", CategoryID: cats[0].ID,
		AuthorID: users[0].Author.ID, Status: models.StatusDraft, CommentsOpen: true, Tags: []string{"Harbour"}}
	a, err := ts.H.Articles.CreateEdited(ctx, in, models.Editor{Note: "created"})
	if err != nil {
		t.Fatal(err)
	}
	w.expect(t, "saving a draft")
	if _, err := ts.H.Articles.Publish(ctx, []int64{a.ID}, models.Editor{Note: "published"}); err != nil {
		t.Fatal(err)
	}
	got := w.expect(t, "publishing", string(models.TagChrome))
	for _, p := range []string{"/", "/category/" + cats[0].Slug, "/feed", "/sitemap.xml", "/author/" + users[0].Author.Slug} {
		if !got[p] {
			t.Errorf("publishing kept %s", p)
		}
	}
	if _, body := ts.fetch(t, "/category/"+cats[0].Slug); !strings.Contains(body, "Tide tables move online") {
		t.Error("the section does not list the new article")
	}
	ts.setSettings(t, func(s *models.Settings) { s.SiteName = "The Harbour Ledger" })
	if got := w.dropped(t); len(got) != len(w.paths) {
		t.Errorf("a settings change dropped %d of %d pages", len(got), len(w.paths))
	}
}

// A write made by another process (`news user add`, an import) reaches the
// running server's cache through the change log within a few seconds.
func TestAnotherProcessWriteReachesTheCache(t *testing.T) {
	t.Parallel()
	ts := commentTestServer(t, models.ModerateAll)
	w := warm(t, ts)
	article := w.paths[len(w.paths)-1]
	ts.postForm(t, article+"/comments", commentForm("Approved from the command line.", "Rita"))
	c := ts.lastComment(t)
	// The other process: its own stores over the same file.
	other, err := models.Open(context.Background(), ts.H.DB.Path, testOptions(time.Now))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	start := time.Now()
	if _, err := other.Comments.SetStatus(context.Background(), []int64{c.ID}, models.CommentApproved); err != nil {
		t.Fatal(err)
	}
	for time.Since(start) < 5*time.Second {
		res, body := ts.fetch(t, article)
		if res.Header.Get("X-Cache") == "miss" && strings.Contains(body, "Approved from the command line.") {
			t.Logf("seen after %v", time.Since(start).Round(time.Millisecond))
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("another process's approval did not reach the page within 5 s")
}
