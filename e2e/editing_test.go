package e2e

import (
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/newsroom/news/models"
)

// testPicture writes a w×h JPEG to dir and returns its path.
func testPicture(t *testing.T, dir, name string, w, h int) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 140, 255})
		}
	}
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := jpeg.Encode(f, img, nil); err != nil {
		t.Fatal(err)
	}
	return path
}

// uploadPicture fills the editor's picture panel and presses Upload picture.
func uploadPicture(t *testing.T, tb *tab, file, alt, caption, credit, use string) {
	t.Helper()
	tb.do("choose the picture "+alt,
		chromedp.SetUploadFiles(chromedp.ID("picture"), []string{file}),
		chromedp.SendKeys(chromedp.ID("picture_alt"), alt),
		chromedp.SendKeys(chromedp.ID("picture_caption"), caption),
		chromedp.SendKeys(chromedp.ID("picture_credit"), credit),
		chromedp.Click(chromedp.CSS(`input[name="picture_use"][value="`+use+`"]`)))
	tb.follow(`button[value="picture"]`, http.StatusOK)
}

// picturesJourney: an editor writes a new article, uploads a picture into
// it without saving first and makes it the lead, inserts a second one into
// the text with a caption, adds a co-author, previews it, schedules it a
// few seconds ahead, and it goes live with both bylines and the caption.
func picturesJourney(t *testing.T, s *suite) {
	st := startSite(t, s, nil)
	addAccount(t, st, editor)
	ed := newTab(t, s, st)
	ed.open("/admin/articles/new", http.StatusOK)
	signIn(t, ed, editor)
	dir := t.TempDir()
	title := "Harbour lights restored after storm"
	ed.do("write the article",
		chromedp.SendKeys(chromedp.ID("title"), title),
		chromedp.SendKeys(chromedp.ID("summary"), "The old lamps shine again."),
		chromedp.SendKeys(chromedp.ID("body"), "Crews worked through the night.\n\nThe lamps came back on at dusk."))
	chooseOption(t, ed, "category_id", "World News")
	uploadPicture(t, ed, testPicture(t, dir, "lead.jpg", 1200, 800), "The harbour at dusk", "", "Photo: Ana Ruiz", "lead")
	if !strings.HasPrefix(ed.path(), "/admin/articles/") || strings.Contains(ed.path(), "new") {
		t.Fatalf("after the first picture the editor is at %s, not the saved draft", ed.path())
	}
	if got := ed.eval(`document.getElementById("body").value`); !strings.Contains(got, "Crews worked through the night.") {
		t.Fatalf("the text typed before the upload is gone: %q", got)
	}
	if !strings.Contains(ed.text(".editor-lead"), "The harbour at dusk") {
		t.Fatalf("the lead picture is not shown in the editor: %s", oneLine(ed.text(".editor-lead")))
	}
	// Put the cursor after the first paragraph, as a click there would.
	evalAs[chromedp.Void](ed, `(() => { const b = document.getElementById("body");
	  const i = b.value.indexOf("\n\nThe lamps"); b.focus(); b.setSelectionRange(i, i); b.dispatchEvent(new Event("select")); })()`)
	uploadPicture(t, ed, testPicture(t, dir, "tall.jpg", 600, 900), "A lamp on the pier", "The pier lamp, relit", "Photo: Ana Ruiz", "inline")
	body := ed.eval(`document.getElementById("body").value`)
	if i, j := strings.Index(body, "![A lamp on the pier]"), strings.Index(body, "The lamps came back"); i < 0 || j < i {
		t.Fatalf("the picture is not in the text at the cursor: %q", body)
	}
	chooseOption(t, ed, "coauthor-0", "Samuel Chen")
	// Open the preview in this tab rather than a new one.
	evalAs[chromedp.Void](ed, `document.querySelector('button[value="preview"]').removeAttribute("formtarget")`)
	ed.follow(`button[value="preview"]`, http.StatusOK)
	if !strings.Contains(ed.text(".preview-banner"), "Preview") || ed.count(".site-footer") != 1 {
		t.Errorf("the preview is not the reader's page marked as a preview")
	}
	if by := ed.text(".byline"); !strings.Contains(by, "Edna Editor and Samuel Chen") {
		t.Errorf("the preview byline reads %q", oneLine(by))
	}
	shot(t, ed, s.shots, "preview-1440.png")
	ed.do("back to the editor", chromedp.NavigateBack())
	ed.open(strings.Replace(ed.path(), "/picture", "", 1), http.StatusOK)
	chooseOption(t, ed, "coauthor-0", "Samuel Chen")
	at := time.Now().Add(8 * time.Second).In(models.DefaultSettings().Location())
	ed.do("set the publish time", chromedp.SetValue(chromedp.ID("publish_at"), at.Format("2006-01-02T15:04:05")))
	ed.follow(`button[value="publish"]`, http.StatusOK)
	if st := ed.text(".editor-status"); !strings.Contains(st, "Scheduled") {
		t.Fatalf("after Schedule the editor says %q", oneLine(st))
	}
	ed.clean("scheduled article")

	reader := newTab(t, s, st)
	path := "/world-news/" + models.Slugify(title)
	deadline := time.Now().Add(30 * time.Second)
	for {
		reader.open("/", http.StatusOK)
		if reader.count(fmt.Sprintf(`a[href=%q]`, path)) > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(time.Second)
	}
	reader.open(path, http.StatusOK)
	if by := reader.text(".byline"); !strings.Contains(by, "Edna Editor and Samuel Chen") {
		t.Errorf("the live article's byline reads %q", oneLine(by))
	}
	if cap := reader.text(".story-body figcaption"); !strings.Contains(cap, "The pier lamp, relit") || !strings.Contains(cap, "Photo: Ana Ruiz") {
		t.Errorf("the picture in the text has no visible caption and credit: %q", cap)
	}
	reader.clean("the live article")
}

// reviewJourney: an author submits an article for review and an editor
// finds it on the dashboard.
func reviewJourney(t *testing.T, s *suite) {
	st := startSite(t, s, nil)
	addAccount(t, st, author)
	addAccount(t, st, editor)
	au := newTab(t, s, st)
	au.open("/admin/articles/new", http.StatusOK)
	signIn(t, au, author)
	a := story{Title: "Night buses return to the ring road", Summary: "Three routes restart.", Body: "From Monday.", Section: "Politics", Tag: "transport"}
	writeStory(t, au, a, "review", http.StatusOK)
	if st := au.text(".editor-status"); !strings.Contains(st, "review") {
		t.Errorf("after Submit for review the editor says %q", oneLine(st))
	}
	ed := newTab(t, s, st)
	ed.open("/admin", http.StatusOK)
	signIn(t, ed, editor)
	if !strings.Contains(ed.text("main"), a.Title) || ed.count(`section[aria-labelledby="review-title"] a`) == 0 {
		t.Errorf("the dashboard does not show the article waiting for review: %s", oneLine(ed.text("main")))
	}
	ed.clean("dashboard")
}

// newsroomPhoneJourney: every newsroom page at 390 px has no sideways
// scroll and nothing serious for axe; screenshots of the editor, the
// dashboard and the picker at 390 and 1440 px.
func newsroomPhoneJourney(t *testing.T, s *suite) {
	st := startSite(t, s, nil)
	addAccount(t, st, admin)
	tb := newTab(t, s, st)
	tb.open("/admin", http.StatusOK)
	signIn(t, tb, admin)
	// Something scheduled, so the dashboard shows its queue and activity.
	tb.open("/admin/articles/new", http.StatusOK)
	tb.do("write an article", chromedp.SendKeys(chromedp.ID("title"), "Port council votes on the harbour wall tonight"),
		chromedp.SendKeys(chromedp.ID("body"), "The vote is at nine."))
	chooseOption(t, tb, "category_id", "World News")
	at := time.Now().Add(48 * time.Hour).In(models.DefaultSettings().Location())
	tb.do("set the publish time", chromedp.SetValue(chromedp.ID("publish_at"), at.Format("2006-01-02T15:04")))
	tb.follow(`button[value="publish"]`, http.StatusOK)
	tb.clean("a scheduled article")
	tb.open("/admin", http.StatusOK)
	if got := tb.text(".dash-activity"); !strings.Contains(got, "Ada Admin scheduled ‘Port council votes on the harbour wall…’ for "+at.Format("2 January 15:04")) {
		t.Errorf("the dashboard's activity reads %q", oneLine(got))
	}
	// Select all ticks every comment in place, with the queue's script under the CSP.
	tb.open("/admin/comments?status=", http.StatusOK)
	tb.do("select all", chromedp.Click(chromedp.CSS("a[data-select-all]")))
	if all, ticked := tb.count(".queue input[name=id]"), tb.count(".queue input[name=id]:checked"); all == 0 || ticked != all || strings.Contains(tb.path(), "select=all") {
		t.Errorf("Select all ticked %d of %d comments (at %s)", ticked, all, tb.path())
	}
	tb.clean("select all")
	pages := []struct{ name, path string }{
		{"dashboard", "/admin"}, {"articles", "/admin/articles"}, {"editor", "/admin/articles/1"},
		{"new-article", "/admin/articles/new"}, {"revisions", "/admin/articles/1/revisions"},
		{"comments", "/admin/comments"}, {"sections", "/admin/sections"}, {"tags", "/admin/tags"},
		{"media", "/admin/media"}, {"picker", "/admin/media/pick?article=1"},
		{"pages", "/admin/pages"}, {"page-editor", "/admin/pages/1"}, {"settings", "/admin/settings"},
		{"people", "/admin/people"}, {"person", "/admin/people/1"}, {"audit", "/admin/audit"}, {"profile", "/admin/profile"},
		{"backup", "/admin/backup"}, {"comments-all", "/admin/comments?status=&select=all"}, {"new-page", "/admin/pages/new"},
	}
	mobile := viewport{"phone", 390, 844, true}
	for _, vp := range []viewport{mobile, desktop} {
		opts := []chromedp.EmulateViewportOption{chromedp.EmulatePortrait}
		if vp.phone {
			opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
		}
		tb.do("set the viewport", chromedp.EmulateViewport(vp.width, vp.height, opts...))
		for _, pg := range pages {
			tb.open(pg.path, http.StatusOK)
			what := fmt.Sprintf("%s at %d px", pg.name, vp.width)
			if vp.phone {
				sw := tb.eval(`String(document.documentElement.scrollWidth) + " " + String(window.innerWidth)`)
				if sw != "390 390" {
					t.Errorf("%s: scrollWidth and innerWidth are %s, want 390 390; too wide: %s", what, sw,
						tb.eval(`[...document.body.querySelectorAll("*")].filter(e => e.getBoundingClientRect().right > 391).slice(0, 6).map(e => e.tagName + "." + e.className).join(", ")`))
				}
				tb.checkAccessible(s, what)
			}
			if pg.name == "editor" || pg.name == "dashboard" || pg.name == "picker" || pg.name == "profile" || pg.name == "comments-all" {
				shot(t, tb, s.shots, fmt.Sprintf("newsroom-%s-%d.png", pg.name, vp.width))
			}
			// One row of the header is about 50 px; two rows are over 80.
			if h := evalAs[float64](tb, `document.querySelector(".topbar").getBoundingClientRect().height`); !vp.phone && h > 70 {
				t.Errorf("%s: the header is %.0f px high, more than one row", what, h)
			}
			tb.clean(what)
		}
	}
}
