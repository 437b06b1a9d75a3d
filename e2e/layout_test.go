package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// viewport is a screen the layout is checked on.
type viewport struct {
	name          string
	width, height int64
	phone         bool
}

var (
	phone   = viewport{"phone", 360, 780, true}
	desktop = viewport{"desktop", 1440, 900, false}
)

// layoutFacts is what the layout check measures in the page.
type layoutFacts struct {
	InnerWidth  float64  `json:"innerWidth"`
	ScrollWidth float64  `json:"scrollWidth"`
	Wide        []string `json:"wide"` // elements reaching past the right edge
	AsideAfter  bool     `json:"asideAfter"`
	MainBottom  float64  `json:"mainBottom"`
	MainRight   float64  `json:"mainRight"`
	AsideTop    float64  `json:"asideTop"`
	AsideLeft   float64  `json:"asideLeft"`
}

// measureLayout reads the widths and the places of the content and the
// sidebar. Elements inside a box that scrolls on its own (a wide table)
// do not count as overflow.
const measureLayout = `(() => {
  const de = document.documentElement, main = document.querySelector("main"), aside = document.querySelector("aside.sidebar");
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= window.innerWidth + 0.5) continue;
    let clipped = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o !== "visible") { clipped = true; break; }
    }
    if (!clipped) wide.push(el.tagName.toLowerCase() + (el.className ? "." + String(el.className).trim().replace(/\s+/g, ".") : "") + " right=" + Math.round(r.right));
  }
  const m = main.getBoundingClientRect(), a = aside.getBoundingClientRect();
  return {
    innerWidth: window.innerWidth, scrollWidth: de.scrollWidth, wide: wide.slice(0, 10),
    asideAfter: !!(main.compareDocumentPosition(aside) & Node.DOCUMENT_POSITION_FOLLOWING),
    mainBottom: m.bottom + window.scrollY, mainRight: m.right, asideTop: a.top + window.scrollY, asideLeft: a.left,
  };
})()`

// loadAllImages makes every lazy image load now and waits for them (at
// most 10 s).
const loadAllImages = `(async () => {
  const imgs = [...document.images];
  imgs.forEach(i => { i.loading = "eager"; });
  const all = Promise.all(imgs.map(i => i.complete ? 0 : new Promise(r => { i.onload = i.onerror = r; })));
  await Promise.race([all, new Promise(r => setTimeout(r, 10000))]);
  return imgs.length;
})()`

// phoneJourney: the front page and an article at 360 and 1440 px wide.
// Nothing overflows sideways; the sidebar follows the article in the
// document, below it on a phone and beside it on a desktop. Screenshots of
// each go to the screenshot folder.
func phoneJourney(t *testing.T, s *suite) {
	st := startSite(t, s, nil)
	tb := newTab(t, s, st)
	tb.open("/", http.StatusOK)
	article := tb.attr(".lead-title a", "href")
	t.Logf("screenshots: %s", s.shots)

	for _, vp := range []viewport{phone, desktop} {
		setViewport(tb, vp)
		for _, pg := range []struct{ name, path string }{{"front", "/"}, {"article", article}} {
			tb.open(pg.path, http.StatusOK)
			// Lazy images below the fold load only on scrolling; load them
			// all, so the layout and the screenshot are the finished page.
			evalAs[int](tb, loadAllImages, chromedp.EvalAwaitPromise)
			what := fmt.Sprintf("%s page at %d px", pg.name, vp.width)
			f := measure(t, tb)
			checkNoOverflow(t, what, vp, f)
			if !f.AsideAfter {
				t.Errorf("%s: the sidebar comes before the main content in the document", what)
			}
			if vp.phone && f.AsideTop < f.MainBottom-1 {
				t.Errorf("%s: the sidebar starts at y=%.0f, above the end of the content (y=%.0f)", what, f.AsideTop, f.MainBottom)
			}
			if !vp.phone && f.AsideLeft < f.MainRight {
				t.Errorf("%s: the sidebar (x=%.0f) is not beside the content (right edge %.0f)", what, f.AsideLeft, f.MainRight)
			}
			shot(t, tb, s.shots, fmt.Sprintf("%s-%d.png", pg.name, vp.width))
			tb.clean(what)
		}
	}
}

func measure(t *testing.T, tb *tab) layoutFacts {
	t.Helper()
	raw := evalAs[[]byte](tb, measureLayout)
	var f layoutFacts
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatalf("reading the layout: %v (%s)", err, raw)
	}
	return f
}

func checkNoOverflow(t *testing.T, what string, vp viewport, f layoutFacts) {
	t.Helper()
	if f.InnerWidth != float64(vp.width) {
		// A phone browser widens its layout viewport to fit content that
		// overflows, so a changed width is overflow too.
		t.Errorf("%s: the layout viewport is %.0f px wide, want %d", what, f.InnerWidth, vp.width)
	}
	if f.ScrollWidth > f.InnerWidth {
		t.Errorf("%s: the page scrolls sideways: scrollWidth %.0f > innerWidth %.0f; too wide: %s",
			what, f.ScrollWidth, f.InnerWidth, strings.Join(f.Wide, ", "))
	}
}

// shot writes a full-page PNG screenshot of the tab to dir/name.
func shot(t *testing.T, tb *tab, dir, name string) {
	t.Helper()
	ctx, cancel := tb.step()
	defer cancel()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d KB)", path, len(buf)/1024)
}
