package handlers

import (
	"context"
	"github.com/newsroom/news/handlers/reader"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

// mainStories returns the article addresses the front page's main column
// links to, in order, each once per story (the picture and the headline
// link to the same place).
func mainStories(t *testing.T, body string) []string {
	t.Helper()
	main := section(t, body, `<main id="main"`, `</main>`)
	var out []string
	for _, m := range regexp.MustCompile(`<h[23] class="(?:lead|tile|block-lead|row)-title"><a href="([^"]+)"`).FindAllStringSubmatch(main, -1) {
		out = append(out, m[1])
	}
	return out
}

func TestFrontPageShowsNoStoryTwice(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	_, body := ts.get(t, "/")
	stories := mainStories(t, body)
	if len(stories) < 20 {
		t.Fatalf("front page shows %d stories, want the lead, top stories and section blocks", len(stories))
	}
	seen := map[string]bool{}
	for _, s := range stories {
		if seen[s] {
			t.Errorf("%s appears twice in the front page's main column", s)
		}
		seen[s] = true
	}
	if n := strings.Count(body, `class="tile has-img"`) + strings.Count(body, `class="tile"`); n%reader.TopRow != 0 {
		t.Errorf("front page shows %d top stories, want whole rows of %d", n, reader.TopRow)
	}
}

func TestEditorsChooseTheFrontPage(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ts.signIn(t, models.RoleEditor)
	ctx := context.Background()
	latest, err := ts.H.Articles.Latest(ctx, 12)
	if err != nil {
		t.Fatal(err)
	}
	// Two unfeatured older stories: the tenth and the twelfth newest.
	lead, second := latest[11], latest[9]
	post := func(action string, a models.Article) {
		t.Helper()
		res, body := ts.postForm(t, "/admin/front", url.Values{"action": {action}, "article": {strconv.FormatInt(a.ID, 10)}})
		mustStatus(t, res, body, http.StatusSeeOther)
	}
	post("add", second)
	post("add", lead)
	post("up", lead) // lead moves above second: it becomes the lead
	_, screen := ts.get(t, "/admin/front")
	wantBody(t, screen, "<strong>Lead</strong>", lead.Title, "Top story 1", second.Title)

	_, body := ts.get(t, "/")
	stories := mainStories(t, body)
	if len(stories) < 2 || stories[0] != lead.URL() || stories[1] != second.URL() {
		t.Fatalf("front page starts with %q, want the editors' lead %s then %s", stories[:2], lead.URL(), second.URL())
	}
	// The rest of the row is filled in by the newest featured stories.
	tops := strings.Count(section(t, body, `class="top"`, `</section>`), `class="tile-title"`)
	if tops != reader.TopRow {
		t.Errorf("top stories: %d, want %d (one chosen, the rest featured)", tops, reader.TopRow)
	}

	post("remove", lead)
	_, body = ts.get(t, "/")
	if s := mainStories(t, body); s[0] != second.URL() {
		t.Errorf("after taking the lead off, the front page starts with %s, want %s", s[0], second.URL())
	}
	res, _ := ts.postForm(t, "/admin/front", url.Values{"action": {"up"}, "article": {"999999"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
}

func TestAuthorsCannotChooseTheFrontPage(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ts.signIn(t, models.RoleAuthor)
	res, _ := ts.get(t, "/admin/front")
	wantStatus(t, res, http.StatusForbidden)
	res, _ = ts.postForm(t, "/admin/front", url.Values{"action": {"add"}, "article": {"1"}})
	wantStatus(t, res, http.StatusForbidden)
}

func TestSectionsKeptOutOfTheNavigation(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ts.signIn(t, models.RoleEditor)
	sec := firstSection(t, ts)
	res, body := ts.postForm(t, "/admin/sections/"+strconv.FormatInt(sec.ID, 10)+"/nav", url.Values{"in_nav": {"0"}})
	mustStatus(t, res, body, http.StatusSeeOther)
	_, body = ts.get(t, "/")
	nav := section(t, body, `<nav class="sections"`, `</nav>`)
	if strings.Contains(nav, sec.URL()) {
		t.Errorf("%s is still in the navigation", sec.Name)
	}
	if strings.Contains(body, `id="block-`+sec.Slug+`"`) {
		t.Errorf("%s still has a block on the front page", sec.Name)
	}
	if !strings.Contains(section(t, body, `class="menu-sections"`, `</ul>`), sec.URL()) {
		t.Errorf("%s is missing from the menu's full list of sections", sec.Name)
	}
	res, _ = ts.get(t, sec.URL())
	wantStatus(t, res, http.StatusOK)
}
