package handlers

import (
	"context"
	"errors"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/newsroom/news/models/wordpress"
)

const wpSample = "../../shared/wordpress/wordpress-sample.xml"

// TestOldWordPressAddresses imports the real WordPress export and follows
// every old address form of every published post: one 301, to a page that
// renders.
func TestOldWordPressAddresses(t *testing.T) {
	ts := newTestServer(t, false)
	if _, err := wordpress.Import(context.Background(), ts.H.DB, wpSample, wordpress.Options{Uploads: "../../shared/wordpress/uploads"}); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(wpSample)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := wordpress.NewReader(f)
	checked := 0
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		it, ok := rec.(*wordpress.Item)
		if !ok || it.Type != "post" || it.Status != "publish" {
			continue
		}
		link, _ := url.Parse(it.Link)
		day := it.PostDate[:4] + "/" + it.PostDate[5:7] + "/" + it.PostDate[8:10]
		forms := []string{link.EscapedPath(), "/?p=" + strconv.FormatInt(it.PostID, 10), "/" + day + "/" + it.Slug + "/",
			"/" + it.Slug, upperEscapes(link.EscapedPath())}
		if dec, _ := url.PathUnescape(it.Slug); dec != it.Slug {
			forms = append(forms, "/"+dec+"/") // raw UTF-8
		}
		for _, form := range forms {
			followOnce(t, ts, form, it.Title)
			checked++
		}
	}
	if checked < 20*5 {
		t.Errorf("checked %d addresses", checked)
	}
	for form, want := range map[string]string{
		"/category/world-news/asia/": "/category/asia",
		"/category/asia/":            "/category/asia",
		"/category/world-news/":      "/tag/world-news",
		"/category/asia/feed/":       "/category/asia/feed",
		"/tag/korea/":                "/tag/korea",
		"/author/mjensen/":           "",
		"/feed/":                     "/feed",
		"/kim-and-putin-agree-to-expand-rail-links-after-vladivostok-talks/seoul-summit-delegates/": "/asia/kim-and-putin-agree-to-expand-rail-links-after-vladivostok-talks",
		"/wp-content/uploads/2025/03/seoul-summit-delegates-1024x576.jpg":                           "",
		"/wp-content/uploads/2025/03/seoul-summit-delegates.jpg":                                    "",
	} {
		loc := followOnce(t, ts, form, "")
		if want != "" && loc != want {
			t.Errorf("%s → %s, want %s", form, loc, want)
		}
	}
	// The export's pages became the site's pages: each old form of their
	// address, a child page's under its parent's included, is one 301 to
	// /<slug>, which shows the page.
	for form, want := range map[string][2]string{
		"/about-us/":          {"/about-us", "About us"},
		"/?page_id=2040":      {"/about-us", "About us"},
		"/about-us/our-team/": {"/our-team", "Our Team"},
		"/about-us/our-team":  {"/our-team", "Our Team"},
		"/?page_id=2041":      {"/our-team", "Our Team"},
		"/contact/":           {"/contact", "Contact"},
		"/?page_id=2042":      {"/contact", "Contact"},
	} {
		if loc := followOnce(t, ts, form, want[1]); loc != want[0] {
			t.Errorf("%s → %s, want %s", form, loc, want[0])
		}
	}
	// What is not live, and what never was, stays a 404.
	for _, path := range []string{"/?p=2036", "/budget-reaction-roundup/", "/no-such-post/"} {
		if res, _ := ts.get(t, path); res.StatusCode == http.StatusMovedPermanently || res.StatusCode >= 500 {
			t.Errorf("%s: %d", path, res.StatusCode)
		}
	}
}

// followOnce asks for path, wants one 301 and a 200 behind it that shows
// title (when given), and returns where it led.
func followOnce(t *testing.T, ts *testServer, path, title string) string {
	t.Helper()
	res, _ := ts.get(t, path)
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusMovedPermanently {
		t.Errorf("%s: %d, want 301", path, res.StatusCode)
		return ""
	}
	res2, body := ts.get(t, loc)
	if res2.StatusCode != http.StatusOK {
		t.Errorf("%s → %s: %d, want 200 in one hop", path, loc, res2.StatusCode)
	}
	if title != "" && !strings.Contains(body, template.HTMLEscapeString(title)) {
		t.Errorf("%s → %s does not show %q", path, loc, title)
	}
	return loc
}

var percentHex = regexp.MustCompile(`%[0-9a-f]{2}`)

// upperEscapes writes a path's percent escapes in upper case (%E2 for %e2).
func upperEscapes(p string) string { return percentHex.ReplaceAllStringFunc(p, strings.ToUpper) }
