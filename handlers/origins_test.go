package handlers

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// loadAttrs are the attributes through which a page makes the browser
// fetch something or send something: scripts, styles, images, fonts,
// frames, media and form targets. <a href> is a link the reader may
// follow, not a load, and may point anywhere.
var loadAttrs = map[string]bool{
	"src": true, "srcset": true, "action": true, "formaction": true, "poster": true,
	"data": true, "background": true, "xlink:href": true, "ping": true, "manifest": true,
}

// loadingLinkRels are <link rel> values that make the browser fetch the href.
var loadingLinkRels = []string{"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "preconnect", "dns-prefetch", "apple-touch-icon", "mask-icon"}

var cssURL = regexp.MustCompile(`(?i)url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)`)

// foreignLoads returns every URL in an HTML page that the browser would
// load from another origin than site.
func foreignLoads(page string, site *url.URL) []string {
	var bad []string
	check := func(what, raw string) {
		if !onSite(raw, site) {
			bad = append(bad, what+"="+raw)
		}
	}
	z := html.NewTokenizer(strings.NewReader(page))
	inStyle := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return bad
		case html.TextToken:
			if inStyle {
				for _, u := range cssURLs(string(z.Text())) {
					check("<style> url", u)
				}
			}
		case html.EndTagToken:
			inStyle = false
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			inStyle = tok.Data == "style"
			rel := ""
			for _, a := range tok.Attr {
				if a.Key == "rel" {
					rel = strings.ToLower(a.Val)
				}
			}
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				switch {
				case key == "style":
					for _, u := range cssURLs(a.Val) {
						check(tok.Data+" style url", u)
					}
				case key == "srcset" || key == "imagesrcset":
					for _, cand := range strings.Split(a.Val, ",") {
						if f := strings.Fields(cand); len(f) > 0 {
							check(tok.Data+" "+key, f[0])
						}
					}
				case loadAttrs[key]:
					check(tok.Data+" "+key, a.Val)
				case key == "href" && (tok.Data == "link" && loadsLink(rel) || tok.Data == "image" || tok.Data == "use" || tok.Data == "base"):
					check(tok.Data+" href", a.Val)
				case key == "content" && strings.Contains(strings.ToLower(tok.String()), "refresh"):
					check("meta refresh", a.Val)
				}
			}
		}
	}
}

func loadsLink(rel string) bool {
	for _, r := range strings.Fields(rel) {
		for _, l := range loadingLinkRels {
			if r == l {
				return true
			}
		}
	}
	return false
}

func cssURLs(css string) []string {
	var out []string
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		out = append(out, m[1]+m[2])
	}
	return out
}

// onSite reports whether raw, as found in a page of site, stays on
// site: a relative address, the site's own origin, or a data: image.
func onSite(raw string, site *url.URL) bool {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.HasPrefix(raw, "#") || strings.HasPrefix(strings.ToLower(raw), "data:image/") {
		return true
	}
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	ref := site.ResolveReference(u)
	return ref.Scheme == site.Scheme && ref.Host == site.Host
}

// The site loads nothing from another origin: every page type a reader or
// an editor sees, and every stylesheet they link, names only this site's
// own addresses for scripts, styles, images, fonts, frames and form
// targets. Public GET routes without parameters and every admin GET route
// are fetched from the router, so pages added later are checked too.
func TestNoThirdPartyLoads(t *testing.T) {
	t.Parallel()
	ts, _ := newTestServerWith(t, serverOptions{demo: true})
	site, _ := url.Parse(ts.URL)
	article := firstArticlePath(t, ts)
	_, articleHTML := ts.get(t, article)
	pages := map[string]bool{
		"/": true, article: true, "/?page=2": true, "/no/such-page": true,
		"/category/" + between(articleHTML, `href="/category/`, `"`): true,
		"/tag/" + between(articleHTML, `href="/tag/`, `"`):           true,
		"/author/" + between(articleHTML, `href="/author/`, `"`):     true,
	}
	for p := range pages {
		if strings.HasSuffix(p, "/") && p != "/" {
			t.Fatalf("no link to a %s page on %s", p, article)
		}
	}
	e := echoOf(ts)
	for _, r := range e.Routes() {
		if r.Method != http.MethodGet || strings.HasPrefix(r.Path, "/static") {
			continue
		}
		if strings.HasPrefix(r.Path, "/admin") || !strings.Contains(r.Path, ":") && !strings.Contains(r.Path, "*") {
			pages[fillParams(r.Path, article)] = true
		}
	}
	fetched, styles := 0, map[string]bool{}
	checkPage := func(who, p string, res *http.Response, body string) {
		if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			return
		}
		fetched++
		for _, b := range foreignLoads(body, site) {
			t.Errorf("%s %s loads from another origin: %s", who, p, b)
		}
		for _, m := range regexp.MustCompile(`<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"`).FindAllStringSubmatch(body, -1) {
			styles[m[1]] = true
		}
	}
	for p := range pages {
		res, body := ts.get(t, p)
		checkPage("signed out:", p, res, body)
	}
	// A comment refused for bad input shows the form again.
	res, body := ts.postForm(t, article+"/comments", url.Values{"comment": {"x"}, "name": {""}})
	checkPage("comment form:", article, res, body)
	ts.signIn(t, "admin")
	for p := range pages {
		if strings.HasPrefix(p, "/admin") {
			res, body := ts.get(t, p)
			checkPage("admin:", p, res, body)
		}
	}
	if fetched < 12 || len(styles) == 0 {
		t.Fatalf("checked only %d pages and %d stylesheets", fetched, len(styles))
	}
	for s := range styles {
		res, css := ts.get(t, s)
		if res.StatusCode != http.StatusOK {
			t.Errorf("stylesheet %s: %d", s, res.StatusCode)
		}
		for _, u := range cssURLs(css) {
			if !onSite(u, site) {
				t.Errorf("stylesheet %s loads %s", s, u)
			}
		}
	}
}

// The checker itself catches what it is for.
func TestForeignLoadsFinds(t *testing.T) {
	site, _ := url.Parse("http://127.0.0.1:8080")
	bad := []string{
		`<script src="https://cdn.example/x.js"></script>`,
		`<link rel="stylesheet" href="//fonts.example/css">`,
		`<img src="http://avatars.example/a.png">`,
		`<img srcset="/a.png 1x, https://cdn.example/b.png 2x">`,
		`<form action="https://evil.example/post"></form>`,
		`<iframe src="https://video.example/embed"></iframe>`,
		`<div style="background:url('https://track.example/p.gif')"></div>`,
		`<style>@font-face{src:url(https://fonts.example/f.woff2)}</style>`,
		`<style>@import "https://cdn.example/a.css";</style>`,
		`<button formaction="https://evil.example/">x</button>`,
	}
	for _, p := range bad {
		if len(foreignLoads(p, site)) == 0 {
			t.Errorf("not caught: %s", p)
		}
	}
	good := []string{
		`<a href="https://twitter.com/newsroom">Twitter</a>`,
		`<link rel="canonical" href="https://news.example/x">`,
		`<script src="/static/js/app.abc.js"></script>`,
		`<img src="data:image/png;base64,AAAA">`,
		`<form action="/admin/login"></form>`,
		`<img src="http://127.0.0.1:8080/media/1/a.jpg">`,
		`<style>.a{background:url(/static/i.png)}</style>`,
	}
	for _, p := range good {
		if b := foreignLoads(p, site); len(b) > 0 {
			t.Errorf("wrongly caught: %s: %v", p, b)
		}
	}
}
