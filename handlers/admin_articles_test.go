package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

func TestAdminNeedsSignIn(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	for _, path := range []string{"/admin/articles", "/admin/articles/new", "/admin/comments", "/admin/sections", "/admin/tags"} {
		res, _ := ts.get(t, path)
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/admin/login?next=") {
			t.Errorf("GET %s: %d to %q, want 303 to the sign-in page", path, res.StatusCode, res.Header.Get("Location"))
		}
	}
	res, _ := ts.postForm(t, "/admin/articles/bulk", url.Values{"action": {"trash"}, "id": {"1"}, "confirm": {"yes"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Errorf("bulk trash without a session: %d", res.StatusCode)
	}
	if a := storedArticle(t, ts, 1); a.Status != models.StatusPublished {
		t.Errorf("article 1 is %s after a bulk trash without a session", a.Status)
	}
}

// TestNewsroomPagesRender opens every newsroom page as an admin.
func TestNewsroomPagesRender(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ts.signIn(t, models.RoleAdmin)
	a := storedArticle(t, ts, 1)
	ctx := context.Background()
	if err := ts.H.Articles.AddCorrection(ctx, a.ID, "An earlier version misspelled a name.", models.Editor{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ts.H.Articles.Trash(ctx, []int64{2}, models.Editor{Note: "test"}); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/admin/articles", "/admin/articles?status=trash", "/admin/articles?status=scheduled&q=kim&section=1&author=1&page=1",
		"/admin/articles/new", "/admin/articles/1", "/admin/articles/2", "/admin/articles/1/revisions", "/admin/articles/1/trash",
		"/admin/articles/2/delete", "/admin/articles/empty-trash", "/admin/comments", "/admin/comments?status=", "/admin/comments?status=trash",
		"/admin/comments/1/edit", "/admin/comments/empty-trash", "/admin/sections", "/admin/sections/1/delete",
		"/admin/tags", "/admin/tags?q=a", "/admin/tags/1", "/admin/tags/1/delete", "/corrections"} {
		res, body := ts.get(t, path)
		mustStatus(t, res, body, http.StatusOK)
		if strings.HasPrefix(path, "/admin") && res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("GET %s: Cache-Control %q", path, res.Header.Get("Cache-Control"))
		}
	}
	for path, want := range map[string]int{"/admin/articles/999999": 404, "/admin/articles/x": 404,
		"/admin/articles?status=bogus": 400, "/admin/articles?page=0": 301, "/admin/comments?status=bogus": 400,
		"/admin/articles/1/revisions/compare?a=x&b=1": 400, "/admin/tags/999": 404, "/admin/sections/999/delete": 404} {
		res, body := ts.get(t, path)
		mustStatus(t, res, body, want)
	}
}

func TestArticleListFilters(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)
	sec := firstSection(t, ts)
	createArticle(t, ts, newArticleForm("Harbour cranes return to the port", "draft", sec, ed))
	createArticle(t, ts, newArticleForm("Council debates the 50% budget", "review", sec, ed))

	_, body := ts.get(t, "/admin/articles?status=draft")
	if !strings.Contains(body, "Harbour cranes return") || strings.Contains(body, "Council debates") {
		t.Error("draft filter shows the wrong articles")
	}
	_, body = ts.get(t, "/admin/articles?q=50%25")
	if !strings.Contains(body, "Council debates") || strings.Contains(body, "Harbour cranes") {
		t.Error("title search for 50% shows the wrong articles")
	}
	_, body = ts.get(t, "/admin/articles")
	if i, j := strings.Index(body, "Council debates"), strings.Index(body, "Harbour cranes"); i < 0 || j < 0 || i > j {
		t.Error("list is not sorted by last change, newest first")
	}
	if strings.Count(body, `name="id"`) != models.AdminPageSize || !strings.Contains(body, `href="/admin/articles?page=2"`) {
		t.Error("first page of 36 articles is not a full page with a link to the next")
	}
	_, body = ts.get(t, "/admin/articles?page=2")
	if n := strings.Count(body, `name="id"`); n != 36-models.AdminPageSize { // the demo's 34 articles and these two
		t.Errorf("second page has %d articles, want %d", n, 36-models.AdminPageSize)
	}
	_, body = ts.get(t, "/admin/articles?author="+itoa(ed.ID))
	if strings.Count(body, `name="id"`) != 2 {
		t.Errorf("author filter: %d rows, want 2", strings.Count(body, `name="id"`))
	}
}

func TestSlugUniqueAndEditable(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)
	sec := firstSection(t, ts)
	a := createArticle(t, ts, newArticleForm("Rain over the valley", "draft", sec, ed))
	b := createArticle(t, ts, newArticleForm("Rain over the valley", "draft", sec, ed))
	if a.Slug != "rain-over-the-valley" || b.Slug != "rain-over-the-valley-2" {
		t.Errorf("slugs %q and %q", a.Slug, b.Slug)
	}
	// Typing a slug that another article has is refused, keeping the input.
	f := newArticleForm("A third story about rain", "draft", sec, ed)
	f.Set("slug", "rain-over-the-valley")
	f.Set("body", "Words I do not want to lose.")
	res, body := ts.postForm(t, "/admin/articles", f)
	mustStatus(t, res, body, http.StatusUnprocessableEntity)
	for _, want := range []string{"Another article already uses this address", "A third story about rain", "Words I do not want to lose."} {
		if !strings.Contains(body, want) {
			t.Errorf("refused slug page lacks %q", want)
		}
	}
	// A typed slug is normalised.
	f.Set("slug", "My Own Slug!")
	c := createArticle(t, ts, f)
	if c.Slug != "my-own-slug" {
		t.Errorf("typed slug saved as %q", c.Slug)
	}
	// Editing to a taken slug is refused too.
	ef := editForm(t, ts, c)
	ef.Set("slug", a.Slug)
	res, body = ts.postForm(t, articleAdminPath(c), ef)
	mustStatus(t, res, body, http.StatusUnprocessableEntity)
}

func TestFormValidationKeepsInput(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)
	f := newArticleForm("", "draft", firstSection(t, ts), ed)
	f.Set("body", "My carefully typed <paragraph>.")
	f.Set("category_id", "999")
	f.Set("publish_at", "tomorrow")
	res, body := ts.postForm(t, "/admin/articles", f)
	mustStatus(t, res, body, http.StatusUnprocessableEntity)
	for _, want := range []string{"Please enter a title.", "Please choose a section.", "Enter the date and time",
		"My carefully typed &lt;paragraph&gt;."} {
		if !strings.Contains(body, want) {
			t.Errorf("refused form lacks %q", want)
		}
	}
}

func TestOversizedFormRefused(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)
	f := newArticleForm("Too long", "draft", firstSection(t, ts), ed)
	f.Set("body", strings.Repeat("word ", 50_000)) // 250 kB: over the article limit, under the request limit
	res, body := ts.postForm(t, "/admin/articles", f)
	mustStatus(t, res, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "The text is too long for one article.") {
		t.Error("no message for an overlong text")
	}
	f.Set("body", strings.Repeat("word ", 600_000)) // 3 MB
	res, body = ts.postForm(t, "/admin/articles", f)
	mustStatus(t, res, body, http.StatusRequestEntityTooLarge)
}

func TestPreviewRendersWithoutSaving(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)
	f := newArticleForm("Preview me", "draft", firstSection(t, ts), ed)
	f.Set("body", "## A heading\n\n<script>alert(1)</script>\n\n*emphasis*")
	f.Set("action", "preview")
	res, body := ts.postForm(t, "/admin/articles", f)
	mustStatus(t, res, body, http.StatusOK)
	if !strings.Contains(body, "<h2>A heading</h2>") || !strings.Contains(body, "<em>emphasis</em>") {
		t.Error("preview does not show the rendered Markdown")
	}
	if strings.Contains(body, "<script>alert(1)</script>") {
		t.Error("preview lets a script through")
	}
	wantBody(t, body, `class="site-footer"`, `<strong>Preview</strong>`, `<meta name="robots" content="noindex, nofollow">`, "By <a")
	if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("preview Cache-Control %q", cc)
	}
	list, _, err := ts.H.Articles.ListAdmin(context.Background(), models.AdminFilter{Query: "Preview me"}, 1)
	if err != nil || len(list) != 0 {
		t.Errorf("preview saved the article: %v, %d", err, len(list))
	}
}

func TestScheduledArticleAppearsOnTime(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ed := ts.signIn(t, models.RoleEditor)
	sec := firstSection(t, ts)
	f := newArticleForm("Tomorrow brings a big announcement", "scheduled", sec, ed)
	f.Set("publish_at", testNow.Add(2*time.Hour).Format("2006-01-02T15:04"))
	a := createArticle(t, ts, f)
	if a.State(ts.Clock.Now()) != models.StatusScheduled {
		t.Fatalf("state %s, want scheduled", a.State(ts.Clock.Now()))
	}
	res, _ := ts.get(t, a.URL())
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("scheduled article answers %d before its time", res.StatusCode)
	}
	if _, body := ts.get(t, "/"); strings.Contains(body, a.Title) {
		t.Error("scheduled article on the front page before its time")
	}
	if _, body := ts.get(t, "/admin/articles?status=scheduled"); !strings.Contains(body, a.Title) {
		t.Error("scheduled list lacks the article")
	}

	ts.Clock.Set(testNow.Add(2*time.Hour + time.Minute))
	res, body := ts.get(t, a.URL())
	mustStatus(t, res, body, http.StatusOK)
	if _, body := ts.get(t, "/"); !strings.Contains(body, a.Title) {
		t.Error("article not on the front page once its time came")
	}
	if _, body := ts.get(t, sec.URL()); !strings.Contains(body, a.Title) {
		t.Error("article not in its section once its time came")
	}

	// A time that has passed cannot be scheduled.
	f = newArticleForm("Too late", "scheduled", sec, ed)
	f.Set("publish_at", testNow.Format("2006-01-02T15:04"))
	res, body = ts.postForm(t, "/admin/articles", f)
	mustStatus(t, res, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "That time has passed") {
		t.Error("no message for a schedule in the past")
	}
}

func TestPublishTimeInSiteZone(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ctx := context.Background()
	st, _ := ts.H.Settings.Get(ctx)
	st.TimeZone = "Asia/Tokyo"
	if err := ts.H.Settings.Save(ctx, st); err != nil {
		t.Fatal(err)
	}
	ed := ts.signIn(t, models.RoleEditor)
	f := newArticleForm("Tokyo morning", "scheduled", firstSection(t, ts), ed)
	f.Set("publish_at", "2026-03-16T09:00") // 00:00 UTC
	a := createArticle(t, ts, f)
	if want := time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC); !a.PublishedAt.Equal(want) {
		t.Errorf("published_at %v, want %v", a.PublishedAt, want)
	}
	if _, body := ts.get(t, articleAdminPath(a)); !strings.Contains(body, `value="2026-03-16T09:00"`) {
		t.Error("editor does not show the publish time in the site's zone")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
