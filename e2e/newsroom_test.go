package e2e

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/newsroom/news/models"
)

// story is an article a journey writes in the newsroom.
type story struct {
	Title, Summary, Body, Section, Tag string
}

// writeStory fills in the article editor the tab is on and presses the
// button for status (draft: Save draft, review: Submit for review,
// published: Publish); the page it leads to must answer wantStatus.
func writeStory(t *testing.T, tb *tab, a story, status string, wantStatus int) {
	t.Helper()
	tb.do("write the article",
		chromedp.SendKeys(chromedp.ID("title"), a.Title),
		chromedp.SendKeys(chromedp.ID("summary"), a.Summary),
		chromedp.SendKeys(chromedp.ID("body"), a.Body),
		chromedp.SendKeys(chromedp.ID("tags"), a.Tag))
	chooseOption(t, tb, "category_id", a.Section)
	button := map[string]string{"draft": "draft", "review": "review", "published": "publish"}[status]
	tb.follow(`button[name="action"][value="`+button+`"]`, wantStatus)
}

// chooseOption picks the option of the select whose text or value is
// label, as a person picks from the list.
func chooseOption(t *testing.T, tb *tab, id, label string) {
	t.Helper()
	value := tb.eval(fmt.Sprintf(`(() => {
	  const o = [...document.getElementById(%q).options].find(o => o.text.trim() === %q || o.value === %q);
	  return o ? o.value : "";
	})()`, id, label, label))
	if value == "" {
		t.Fatalf("the %s list offers no %q; it offers %s", id, label, optionsOf(tb, id))
	}
	tb.do("choose "+label, chromedp.SetValue(chromedp.ID(id), value))
}

// optionsOf lists the values of a select's options.
func optionsOf(tb *tab, id string) string {
	return tb.eval(fmt.Sprintf(`[...document.getElementById(%q).options].map(o => o.value).join(",")`, id))
}

// postComment posts a comment as a reader on the article open in tb.
func postComment(t *testing.T, tb *tab, name, body string) {
	t.Helper()
	tb.do("write a comment",
		chromedp.SendKeys(chromedp.ID("comment"), body),
		chromedp.SendKeys(chromedp.ID("name"), name))
	tb.follow(".comment-form button[type=submit]", http.StatusOK)
	if !strings.Contains(tb.text("main"), "awaiting moderation") {
		t.Fatalf("the comment was not taken for moderation: %s", oneLine(tb.text("#comments")))
	}
}

// editorJourney: an editor signs in, approves a reader's comment, and the
// reader sees it; the editor writes and publishes an article with a tag,
// and readers find it on the front page, in Latest posts, on its section
// page, on its tag page and by searching for it.
func editorJourney(t *testing.T, s *suite) {
	st := startSite(t, s, nil)
	addAccount(t, st, editor)
	reader := newTab(t, s, st)
	ed := newTab(t, s, st)

	reader.open("/", http.StatusOK)
	article := reader.attr(".lead-title a", "href")
	reader.open(article, http.StatusOK)
	const remark = "The second-half substitution changed everything."
	postComment(t, reader, "Maeve", remark)
	reader.clean("article after commenting")

	ed.open("/admin/comments?status=pending", http.StatusOK)
	signIn(t, ed, editor)
	if p := ed.path(); p != "/admin/comments?status=pending" {
		t.Errorf("after signing in the editor is at %s, not the moderation queue asked for", p)
	}
	id := ed.eval(fmt.Sprintf(`(() => {
	  const li = [...document.querySelectorAll("li.queued")].find(li => li.textContent.includes(%q));
	  return li ? li.id : "";
	})()`, remark))
	if id == "" {
		t.Fatalf("the reader's comment is not in the moderation queue: %s", oneLine(ed.text("main")))
	}
	ed.checkAccessible(s, "moderation queue")
	ed.follow(fmt.Sprintf(`#%s button[value="approved"]`, id), http.StatusOK)
	ed.clean("moderation queue")

	// Reader pages may be kept by a browser for a minute (Cache-Control),
	// so a visitor with no copy of the page yet checks what the site serves.
	visitor := newTab(t, s, st)
	visitor.open(article, http.StatusOK)
	if !strings.Contains(visitor.text("#comments"), remark) {
		t.Errorf("the approved comment is not shown on the article")
	}
	visitor.clean("article with the approved comment")

	ed.open("/admin/articles/new", http.StatusOK)
	ed.checkAccessible(s, "article editor")
	a := story{
		Title:   "Tidal turbines switched on in the Marrowick estuary",
		Summary: "The first of twelve turbines began feeding the grid at dawn.",
		Body:    "Engineers switched on the first turbine at dawn.\n\nEleven more follow by spring.",
		Section: "Science",
		Tag:     "Tidal power",
	}
	writeStory(t, ed, a, "published", http.StatusOK)
	ed.clean("article saved")

	slug := models.Slugify(a.Title)
	reader = newTab(t, s, st) // no cached copies of the pages, as above
	for _, pg := range []struct{ what, path, css string }{
		{"the front page", "/", "main"},
		{"Latest posts", "/", "aside .headlines"},
		{"the section page", "/category/science", "main"},
		{"the tag page", "/tag/" + models.Slugify(a.Tag), "main"},
	} {
		reader.open(pg.path, http.StatusOK)
		if n := reader.count(fmt.Sprintf(`%s a[href="/science/%s"]`, pg.css, slug)); n == 0 {
			t.Errorf("the published article is not linked from %s (%s)", pg.what, pg.path)
		}
		reader.clean(pg.what)
	}
	// A reader searches from the box in the masthead and presses Enter.
	reader.do("type a search", chromedp.SendKeys(chromedp.ID("masthead-q"), "tidal turbines"))
	reader.navigateBy("press Enter to search", http.StatusOK, chromedp.KeyEvent(kb.Enter))
	if p := reader.path(); !strings.HasPrefix(p, "/search?") {
		t.Errorf("searching from the masthead led to %s", p)
	}
	if reader.count(fmt.Sprintf(`main a[href="/science/%s"]`, slug)) == 0 {
		t.Errorf("searching for the new article's words does not find it: %s", oneLine(reader.text("main")))
	}
	reader.checkAccessible(s, "search results")
	reader.clean("search results")

	reader.follow(fmt.Sprintf(`aside .headlines a[href="/science/%s"]`, slug), http.StatusOK)
	if got := reader.text("h1"); got != a.Title {
		t.Errorf("the published article's page is headed %q", got)
	}
	reader.clean("the published article")
}

// authorJourney: a signed-out visitor to the editor is sent to sign-in; an
// author may write but is not offered publishing, and a forged request to
// publish does not put the article on the site.
func authorJourney(t *testing.T, s *suite) {
	st := startSite(t, s, nil)
	addAccount(t, st, author)
	tb := newTab(t, s, st)

	tb.open("/admin/articles/new", http.StatusOK)
	if p := tb.path(); !strings.HasPrefix(p, "/admin/login") {
		t.Fatalf("a signed-out visitor to the article editor was shown %s, not the sign-in page", p)
	}
	tb.clean("sign-in page")
	signIn(t, tb, author)
	if p := tb.path(); p != "/admin/articles/new" {
		t.Fatalf("after signing in the author is at %s, not the editor asked for", p)
	}
	if n := tb.count(`button[value="publish"]`); n != 0 {
		t.Errorf("an author is offered a Publish button")
	}
	if n := tb.count(`button[value="review"]`); n != 1 {
		t.Errorf("an author is not offered Submit for review")
	}

	// Forge the missing button in the page, as someone editing the form
	// would, and send it.
	evalAs[chromedp.Void](tb, `(() => { const b = document.createElement("button"); b.type = "submit"; b.name = "action";
	  b.value = "publish"; b.textContent = "Publish"; document.getElementById("editor-actions").append(b); })()`)
	a := story{
		Title:   "Unreviewed piece on harbour dredging",
		Summary: "A draft that has not been through an editor.",
		Body:    "Dredging starts next week, the council says.",
		Section: "Business",
		Tag:     "harbour",
	}
	tb.do("write the article",
		chromedp.SendKeys(chromedp.ID("title"), a.Title),
		chromedp.SendKeys(chromedp.ID("body"), a.Body))
	ctx, cancel := tb.step()
	res, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`button[name="action"][value="publish"]`), chromedp.NodeVisible))
	cancel()
	if err != nil {
		t.Fatalf("sending the forged form: %v", err)
	}
	t.Logf("a forged publish by an author is answered %d", res.Status)
	tb.takeProblems() // a refusal is the point here

	reader := newTab(t, s, st)
	reader.open("/business/"+models.Slugify(a.Title), http.StatusNotFound)
	reader.open("/category/business", http.StatusOK)
	if strings.Contains(reader.text("main"), a.Title) {
		t.Errorf("an author's forged publish put the article on the section page")
	}
	reader.clean("section page after the forged publish")

	tb.open("/admin/comments", http.StatusForbidden)
	tb.clean("moderation queue refused to an author")
}
