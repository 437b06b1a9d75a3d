package handlers

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

const seedURL = "/world-news/kim-jong-un-to-visit-russia-in-coming-days-confirms-kremlin"

func TestArticlePageShowsEveryPartOfTheSeed(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	res, body := ts.get(t, seedURL)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{
		`<time class="today" datetime="2026-03-15">Sunday, March 15, 2026</time>`,
		`<a class="brand" href="/">The Daily Ledger</a>`,
		`<li><a href="/">Home</a></li>`,
		`<a href="/category/world-news">World News</a></li>`,
		`<span aria-current="page">Kim Jong Un to Visit Russia in Coming Days, Confirms Kremlin</span>`,
		`<h1 class="story-title">Kim Jong Un to Visit Russia in Coming Days, Confirms Kremlin</h1>`,
		`<a class="author" rel="author" href="/author/maria-okafor">Maria Okafor</a>`,
		`June 23, 2024 at 9:30 AM`,
		`The Kremlin has confirmed that North Korean leader Kim Jong Un is poised`,
		`Sources By <strong>Agencies</strong>`,
		`<a rel="tag" href="/tag/diplomacy">Diplomacy</a>`,
		`Related articles`,
		`3 Comments`,
		`Stay Connected`,
		`<img src="/static/`, `/icons/facebook.svg" alt="" width="20" height="20"><span>Facebook</span></a>`,
		`Latest posts`,
		`<textarea id="comment" name="comment" rows="7" maxlength="5000" required`,
		`<input id="name" name="name" type="text" maxlength="80" required`,
		`<label for="comment">`, `<label for="name">`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	if n := strings.Count(body, "<h1"); n != 1 {
		t.Errorf("article page has %d h1 elements, want 1", n)
	}
	if strings.Contains(body, "Updated <time") {
		t.Error("the seed article was never changed after publishing but shows Updated")
	}
}

// section returns the part of body between the first occurrence of start
// and the next occurrence of end.
func section(t *testing.T, body, start, end string) string {
	t.Helper()
	_, rest, ok := strings.Cut(body, start)
	if !ok {
		t.Fatalf("page has no %q", start)
	}
	part, _, _ := strings.Cut(rest, end)
	return part
}

var hrefRe = regexp.MustCompile(`href="([^"]+)"`)

func hrefs(html string) []string {
	var out []string
	for _, m := range hrefRe.FindAllStringSubmatch(html, -1) {
		out = append(out, m[1])
	}
	return out
}

func TestRelatedArticlesNeverIncludeTheArticle(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	_, body := ts.get(t, seedURL)
	related := section(t, body, `id="related-title"`, `</section>`)
	links := hrefs(related)
	articles := 0
	for _, l := range links {
		if l == seedURL {
			t.Errorf("related articles link to the article itself")
		}
		if strings.Count(l, "/") == 2 && !strings.HasPrefix(l, "/category/") && !strings.HasPrefix(l, "/author/") {
			articles++
		}
	}
	if articles == 0 || articles > 4 {
		t.Errorf("related shows %d articles, want 1 to 4: %v", articles, links)
	}
}

func TestRelatedRanksSharedTagsFirst(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	ctx := context.Background()
	cats := ts.H.Categories
	users := ts.H.Users
	world, _ := cats.Create(ctx, models.CategoryInput{Name: "World News"})
	sport, _ := cats.Create(ctx, models.CategoryInput{Name: "Sports"})
	u, _ := users.Create(ctx, models.UserInput{Email: "a@example.com", Name: "Ann Writer", Role: models.RoleAuthor})
	mk := func(title string, cat int64, hoursAgo int, tags ...string) {
		_, err := ts.H.Articles.Create(ctx, models.ArticleInput{Title: title, BodyMD: "Text.", CategoryID: cat, AuthorID: u.ID,
			Status: models.StatusPublished, PublishedAt: testNow.Add(-time.Duration(hoursAgo) * time.Hour), Tags: tags})
		if err != nil {
			t.Fatal(err)
		}
	}
	mk("Main story", world.ID, 10, "trade", "energy")
	mk("Newest elsewhere", sport.ID, 1)
	mk("Same section only", world.ID, 5)
	mk("One shared tag", sport.ID, 8, "trade")
	mk("Two shared tags", sport.ID, 9, "trade", "energy")
	mk("Draft sharing tags", world.ID, 2, "trade", "energy")
	mk("Future sharing tags", world.ID, -5, "trade", "energy")
	// Make the draft a draft.
	if _, err := ts.H.DB.Exec(ctx, `UPDATE articles SET status = 'draft' WHERE title = 'Draft sharing tags'`); err != nil {
		t.Fatal(err)
	}
	_, body := ts.get(t, "/world-news/main-story")
	related := section(t, body, `id="related-title"`, `</section>`)
	var order []string
	for _, m := range regexp.MustCompile(`class="tile-title"><a href="[^"]+">([^<]+)</a>`).FindAllStringSubmatch(related, -1) {
		order = append(order, m[1])
	}
	want := []string{"Two shared tags", "One shared tag", "Same section only", "Newest elsewhere"}
	if strings.Join(order, "|") != strings.Join(want, "|") {
		t.Errorf("related order = %q, want %q", order, want)
	}
}

func TestLatestPostsNewestFirst(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	_, body := ts.get(t, seedURL)
	latest := section(t, body, `id="latest-posts"`, `</ul>`)
	times := regexp.MustCompile(`datetime="([^"]+)"`).FindAllStringSubmatch(latest, -1)
	if len(times) != 5 {
		t.Fatalf("Latest posts shows %d articles, want 5", len(times))
	}
	for i := 1; i < len(times); i++ {
		if times[i][1] > times[i-1][1] {
			t.Errorf("Latest posts out of order: %s after %s", times[i][1], times[i-1][1])
		}
	}
}

func TestFrontPage(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	res, body := ts.get(t, "/")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{`class="lead"`, `class="lead-summary"`, `<h2 class="block-title" id="block-world-news"><a href="/category/world-news">World News</a></h2>`, "Latest posts", "Stay Connected"} {
		if !strings.Contains(body, want) {
			t.Errorf("front page lacks %q", want)
		}
	}
	// The lead is the newest featured article.
	lead, err := ts.H.Articles.Lead(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !lead.Featured || !strings.Contains(section(t, body, `class="lead"`, `</article>`), lead.Title) {
		t.Errorf("lead story is not the newest featured article %q", lead.Title)
	}
}

func TestEmptySiteFrontPage(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	res, body := ts.get(t, "/")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "Nothing published yet") {
		t.Errorf("empty site front page: status %d", res.StatusCode)
	}
	if strings.Contains(body, "Stay Connected") {
		t.Error("Stay Connected shown with no social links set")
	}
}

func TestDraftsAndScheduledArticlesAreHidden(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ctx := context.Background()
	cat, _ := ts.H.Categories.BySlug(ctx, "world-news")
	author, _ := ts.H.Users.BySlug(ctx, "maria-okafor")
	draft, err := ts.H.Articles.Create(ctx, models.ArticleInput{Title: "Secret draft", BodyMD: "x", CategoryID: cat.ID, AuthorID: author.ID, Status: models.StatusDraft, Tags: []string{"diplomacy"}})
	if err != nil {
		t.Fatal(err)
	}
	future, err := ts.H.Articles.Create(ctx, models.ArticleInput{Title: "Embargoed story", BodyMD: "x", CategoryID: cat.ID, AuthorID: author.ID,
		Status: models.StatusPublished, PublishedAt: testNow.Add(time.Hour), Tags: []string{"diplomacy"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, slug := range []string{draft.Slug, future.Slug} {
		if res, _ := ts.get(t, "/world-news/"+slug); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", slug, res.StatusCode)
		}
	}
	for _, path := range []string{"/", "/category/world-news", "/tag/diplomacy", "/author/maria-okafor", seedURL} {
		_, body := ts.get(t, path)
		if strings.Contains(body, "Secret draft") || strings.Contains(body, "Embargoed story") {
			t.Errorf("%s shows an unpublished article", path)
		}
	}
	// When its time comes, the scheduled article is live with no job run.
	ts.Clock.Set(testNow.Add(2 * time.Hour))
	if res, _ := ts.get(t, "/world-news/"+future.Slug); res.StatusCode != http.StatusOK {
		t.Errorf("scheduled article after its time: status %d", res.StatusCode)
	}
}

func TestListPages(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	tests := []struct {
		path, want string
		status     int
	}{
		{"/category/world-news", `<h1 class="list-title">World News</h1>`, 200},
		{"/tag/diplomacy", `<h1 class="list-title">Diplomacy</h1>`, 200},
		{"/author/maria-okafor", `<h1 class="list-title">Maria Okafor</h1>`, 200},
		{"/category/no-such-section", "Page not found", 404},
		{"/tag/no-such-tag", "Page not found", 404},
		{"/author/nobody", "Page not found", 404},
		{"/category/world-news?page=99", "Page not found", 404},
	}
	for _, tt := range tests {
		res, body := ts.get(t, tt.path)
		if res.StatusCode != tt.status || !strings.Contains(body, tt.want) {
			t.Errorf("%s: status %d, want %d with %q", tt.path, res.StatusCode, tt.status, tt.want)
		}
	}
}

func TestPaginationEdges(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	ctx := context.Background()
	cat, _ := ts.H.Categories.Create(ctx, models.CategoryInput{Name: "Business"})
	u, _ := ts.H.Users.Create(ctx, models.UserInput{Email: "b@example.com", Name: "Bo Reporter", Role: models.RoleAuthor})
	for i := range 21 {
		_, err := ts.H.Articles.Create(ctx, models.ArticleInput{Title: "Story " + string(rune('A'+i)), BodyMD: "x", CategoryID: cat.ID, AuthorID: u.ID,
			Status: models.StatusPublished, PublishedAt: testNow.Add(-time.Duration(i) * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
	}
	count := func(body string) int { return strings.Count(body, `class="card-title"`) }
	_, p1 := ts.get(t, "/category/business")
	if count(p1) != 10 || !strings.Contains(p1, `href="/category/business?page=2">Older`) || strings.Contains(p1, `rel="prev"`) {
		t.Errorf("page 1: %d articles, next/prev links wrong", count(p1))
	}
	if !strings.Contains(p1, ">Story A<") || strings.Contains(p1, ">Story K<") {
		t.Error("page 1 is not the newest ten")
	}
	_, p2 := ts.get(t, "/category/business?page=2")
	if count(p2) != 10 || !strings.Contains(p2, `href="/category/business">← Newer`) || !strings.Contains(p2, "?page=3") {
		t.Errorf("page 2: %d articles, links wrong", count(p2))
	}
	res, p3 := ts.get(t, "/category/business?page=3")
	if res.StatusCode != 200 || count(p3) != 1 || strings.Contains(p3, `rel="next"`) {
		t.Errorf("page 3: status %d, %d articles", res.StatusCode, count(p3))
	}
	if res, _ := ts.get(t, "/category/business?page=4"); res.StatusCode != http.StatusNotFound {
		t.Errorf("page past the end: status %d, want 404", res.StatusCode)
	}
}

func TestBadInputGetsAnErrorPageNotA500(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	long := strings.Repeat("a", 10000)
	tests := []struct {
		path   string
		status int
	}{
		{"/world-news/" + long, 404},
		{"/category/" + long, 404},
		{"/world-news/%ff%fe%00", 404},
		{"/%e2%82/%c3%28", 404},
		{"/world-news/..%2f..%2fetc%2fpasswd", 404},
		{"/no/such/page/here", 404},
		{"/tag/%3Cscript%3E", 404},
		{"/static/nope/css/site.css", 404},
	}
	for _, tt := range tests {
		res, body := ts.get(t, tt.path)
		if res.StatusCode != tt.status {
			t.Errorf("%.60s: status %d, want %d", tt.path, res.StatusCode, tt.status)
		}
		if !strings.Contains(body, `class="brand"`) || !strings.Contains(body, "Latest posts") || !strings.Contains(body, `href="/"`) {
			t.Errorf("%.60s: error page lacks the site chrome", tt.path)
		}
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
			t.Errorf("%.60s: content type %q", tt.path, ct)
		}
	}
}

func TestArticleInWrongSectionRedirects(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	res, _ := ts.get(t, "/sports/kim-jong-un-to-visit-russia-in-coming-days-confirms-kremlin")
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != seedURL {
		t.Errorf("status %d to %q, want 301 to %s", res.StatusCode, res.Header.Get("Location"), seedURL)
	}
}

func TestUpdatedDateShownWhenChangedAfterPublishing(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	if _, err := ts.H.DB.Exec(context.Background(), `UPDATE articles SET updated_at = published_at + 7200 WHERE slug = ?`,
		"kim-jong-un-to-visit-russia-in-coming-days-confirms-kremlin"); err != nil {
		t.Fatal(err)
	}
	_, body := ts.get(t, seedURL)
	if !strings.Contains(body, `Updated <time datetime="2024-06-23T11:30:00Z">June 23, 2024 at 11:30 AM UTC</time>`) {
		t.Error("changed article does not show its Updated date")
	}
}

func TestStaticAssetsAreFingerprinted(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	_, body := ts.get(t, "/")
	m := regexp.MustCompile(`href="(/static/[0-9a-f]{12}/css/site\.css)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("page links no fingerprinted stylesheet")
	}
	res, css := ts.get(t, m[1])
	if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") {
		t.Errorf("stylesheet: status %d, headers %v", res.StatusCode, res.Header)
	}
	if !strings.Contains(css, ".masthead") {
		t.Error("stylesheet content missing")
	}
}

func TestTimeZoneSettingMovesTheDateBar(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ctx := context.Background()
	st, _ := ts.H.Settings.Get(ctx)
	st.TimeZone = "Pacific/Kiritimati" // UTC+14: already the next day
	if err := ts.H.Settings.Save(ctx, st); err != nil {
		t.Fatal(err)
	}
	_, body := ts.get(t, "/")
	if !strings.Contains(body, "Monday, March 16, 2026") {
		t.Error("date bar ignores the site's time zone")
	}
}
