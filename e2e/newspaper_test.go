package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/newsroom/news/db"
	"github.com/newsroom/news/models"
)

// Layout limits a reader would notice.
const (
	maxPhoneHeader = 120  // px of header before any news, at 360 px wide
	maxPhoneFront  = 7000 // px of the whole demo front page at 360 px wide
	// minLine and maxLine bound the article body's measure, in characters
	// per line (papers keep to about 65).
	minLine, maxLine = 60, 75
)

// frontFacts is what the front page check measures.
type frontFacts struct {
	Stories []string `json:"stories"` // main-column headline links, in order
	Orphans []string `json:"orphans"` // grids whose last row leaves cells empty
	Height  float64  `json:"height"`
	Header  float64  `json:"header"` // bottom of the masthead and navigation
}

const measureFront = `(() => {
  const stories = [...document.querySelectorAll("main :is(h2, h3) a[href]")].map(a => a.pathname)
    .filter(p => /^\/[^/]+\/[^/]+$/.test(p) && !/^\/(category|tag|author)\//.test(p));
  const orphans = [];
  for (const g of document.querySelectorAll("main :is(.tiles, .block-grid, .list)")) {
    const cs = getComputedStyle(g);
    if (cs.display !== "grid" || g.children.length < 2) continue;
    const cols = cs.gridTemplateColumns.split(" ").length;
    const rows = new Map();
    for (const k of g.children) {
      const r = k.getBoundingClientRect();
      if (r.height === 0 || getComputedStyle(k).position === "absolute") continue;
      const top = Math.round(r.top);
      rows.set(top, (rows.get(top) || 0) + 1);
    }
    const counts = [...rows.values()];
    if (counts.length > 1 && counts[counts.length - 1] < cols) {
      orphans.push((g.className || g.tagName) + ": rows of " + counts.join(", ") + " in " + cols + " columns");
    }
  }
  const header = document.querySelector("header.masthead").getBoundingClientRect().bottom + window.scrollY;
  return {stories, orphans, height: document.documentElement.scrollHeight, header};
})()`

// measureLines counts the characters on each full line of the article's
// body paragraphs (every line but a paragraph's last), by where each
// character is drawn.
const measureLines = `(() => {
  const lines = [];
  const range = document.createRange();
  for (const p of document.querySelectorAll(".story-body p")) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const mine = [];
    let top = null, n = 0;
    for (let node; (node = walker.nextNode());) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const r = range.getClientRects()[0];
        if (!r) continue;
        if (top !== null && Math.abs(r.top - top) > 4) { mine.push(n); n = 0; }
        top = r.top; n++;
      }
    }
    lines.push(...mine); // the last line, n, is short by nature
  }
  return {lines, font: parseFloat(getComputedStyle(document.querySelector(".story-body p")).fontSize)};
})()`

// newspaperJourney: the front page, an article and a section page at 360
// and 1440 px, as a reader looks at them: no story twice in the front
// page's main column, no grid ending in empty cells, the demo front page
// short enough on a phone, the article's lines of a readable measure.
// Screenshots of each go to the screenshot folder.
func newspaperJourney(t *testing.T, s *suite) {
	st := startSite(t, s, nil)
	tb := newTab(t, s, st)
	tb.open("/", http.StatusOK)
	article := tb.attr(".lead-title a", "href")
	for _, vp := range []viewport{phone, desktop} {
		setViewport(tb, vp)
		tb.open("/", http.StatusOK)
		evalAs[int](tb, loadAllImages, chromedp.EvalAwaitPromise)
		what := fmt.Sprintf("front page at %d px", vp.width)
		f := measureFrontPage(t, tb)
		checkFront(t, what, f)
		if vp.phone && f.Height >= maxPhoneFront {
			t.Errorf("%s is %.0f px tall, want under %d", what, f.Height, maxPhoneFront)
		}
		t.Logf("%s: %d stories in the main column, %.0f px tall, header ends at %.0f px", what, len(f.Stories), f.Height, f.Header)
		shot(t, tb, s.shots, fmt.Sprintf("newspaper-front-%d.png", vp.width))
		tb.clean(what)

		tb.open(article, http.StatusOK)
		evalAs[int](tb, loadAllImages, chromedp.EvalAwaitPromise)
		checkMeasure(t, fmt.Sprintf("article at %d px", vp.width), tb, vp)
		shot(t, tb, s.shots, fmt.Sprintf("newspaper-article-%d.png", vp.width))
		tb.clean(fmt.Sprintf("article at %d px", vp.width))

		tb.open("/category/world-news", http.StatusOK)
		evalAs[int](tb, loadAllImages, chromedp.EvalAwaitPromise)
		if o := measureFrontPage(t, tb).Orphans; len(o) > 0 {
			t.Errorf("section page at %d px: grids end with empty cells: %s", vp.width, strings.Join(o, "; "))
		}
		shot(t, tb, s.shots, fmt.Sprintf("newspaper-section-%d.png", vp.width))
		tb.clean(fmt.Sprintf("section page at %d px", vp.width))
	}
}

// twelveSectionsJourney: with twelve sections in the navigation, the phone
// header still ends by maxPhoneHeader px, and its Menu opens without any
// script, listing every section.
func twelveSectionsJourney(t *testing.T, s *suite) {
	st := startSite(t, s, addSections("Opinion", "Health", "Travel", "Food and Drink", "Local Elections"))
	tb := newTab(t, s, st)
	setViewport(tb, phone)
	tb.open("/", http.StatusOK)
	if n := tb.count("nav.sections li"); n != 13 {
		t.Fatalf("the navigation shows %d links, want Home and 12 sections", n)
	}
	f := measureFrontPage(t, tb)
	if f.Header > maxPhoneHeader {
		t.Errorf("with 12 sections the phone header ends at %.0f px, want at most %d", f.Header, maxPhoneHeader)
	}
	checkFront(t, "front page with 12 sections at 360 px", f)
	shot(t, tb, s.shots, "newspaper-front-12-sections-360.png")

	// The front page runs no script of ours, so the Menu opening proves it
	// needs none.
	if n := evalAs[int](tb, `[...document.scripts].filter(s => s.type !== "application/ld+json").length`); n != 0 {
		t.Errorf("the front page runs %d scripts", n)
	}
	tb.do("open the menu", chromedp.Click(chromedp.CSS("details.menu > summary")))
	if !evalAs[bool](tb, `document.querySelector("details.menu").open && document.querySelector(".menu-panel").getBoundingClientRect().height > 100`) {
		t.Error("the Menu does not open without scripts")
	}
	if n := tb.count(".menu-sections a[href^='/category/']"); n != 12 {
		t.Errorf("the open menu lists %d sections, want 12", n)
	}
	shot(t, tb, s.shots, "newspaper-menu-open-360.png")
	tb.clean("front page with the menu open")
}

// addSections adds sections with one story each.
func addSections(names ...string) func(ctx context.Context, d *db.DB) error {
	return func(ctx context.Context, d *db.DB) error {
		cats := models.NewCategoryStore(d)
		author, err := models.NewUserStore(d).BySlug(ctx, "maria-okafor")
		if err != nil {
			return err
		}
		articles := models.NewArticleStore(d, time.Now)
		for i, name := range names {
			c, err := cats.Create(ctx, models.CategoryInput{Name: name, Position: 100 + i})
			if err != nil {
				return err
			}
			_, err = articles.Create(ctx, models.ArticleInput{Title: name + ": the week's first story", Summary: "From the " + name + " desk.",
				BodyMD: "Text.", CategoryID: c.ID, AuthorID: author.ID, Status: models.StatusPublished,
				PublishedAt: time.Now().Add(-time.Duration(200+i) * time.Hour)})
			if err != nil {
				return err
			}
		}
		return nil
	}
}

func setViewport(tb *tab, vp viewport) {
	opts := []chromedp.EmulateViewportOption{chromedp.EmulatePortrait}
	if vp.phone {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	tb.do("set the viewport", chromedp.EmulateViewport(vp.width, vp.height, opts...))
}

func measureFrontPage(t *testing.T, tb *tab) frontFacts {
	t.Helper()
	var f frontFacts
	if err := json.Unmarshal(evalAs[[]byte](tb, measureFront), &f); err != nil {
		t.Fatalf("measuring the front page: %v", err)
	}
	return f
}

// checkFront fails on a story shown twice or a grid with an orphan row.
func checkFront(t *testing.T, what string, f frontFacts) {
	t.Helper()
	if len(f.Stories) < 10 {
		t.Errorf("%s shows %d stories in the main column, want the lead, top stories and section blocks", what, len(f.Stories))
	}
	seen := map[string]bool{}
	for _, s := range f.Stories {
		if seen[s] {
			t.Errorf("%s shows %s twice in the main column", what, s)
		}
		seen[s] = true
	}
	if len(f.Orphans) > 0 {
		t.Errorf("%s: grids end with empty cells: %s", what, strings.Join(f.Orphans, "; "))
	}
}

// checkMeasure checks the article body's characters per line: on average
// within minLine to maxLine, and nine lines in ten within it.
func checkMeasure(t *testing.T, what string, tb *tab, vp viewport) {
	t.Helper()
	var m struct {
		Lines []int   `json:"lines"`
		Font  float64 `json:"font"`
	}
	if err := json.Unmarshal(evalAs[[]byte](tb, measureLines), &m); err != nil {
		t.Fatalf("%s: measuring lines: %v", what, err)
	}
	if len(m.Lines) < 10 {
		t.Fatalf("%s: only %d full lines of body text", what, len(m.Lines))
	}
	sum, in := 0, 0
	for _, n := range m.Lines {
		sum += n
		if n >= minLine && n <= maxLine {
			in++
		}
	}
	avg := float64(sum) / float64(len(m.Lines))
	t.Logf("%s: %d full lines, %.1f characters a line on average, %d of them within %d–%d, body text %.1f px",
		what, len(m.Lines), avg, in, minLine, maxLine, m.Font)
	if vp.phone {
		// A phone's width cannot hold 60 characters of text at a size
		// people read: there the line fills the screen, at a readable size.
		if m.Font < 16 || avg > maxLine {
			t.Errorf("%s: body text %.1f px with %.1f characters a line; want at least 16 px, at most %d", what, m.Font, avg, maxLine)
		}
		return
	}
	if avg < minLine || avg > maxLine || in*10 < len(m.Lines)*9 {
		t.Errorf("%s: %.1f characters a line on average, %d of %d lines within %d–%d; want the measure within it",
			what, avg, in, len(m.Lines), minLine, maxLine)
	}
}
