package handlers

import (
	"encoding/json"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/newsroom/news/handlers/reader"
)

var ldRe = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// jsonLD decodes every JSON-LD block of a page, by @type.
func jsonLD(t *testing.T, body string) map[string]json.RawMessage {
	t.Helper()
	out := map[string]json.RawMessage{}
	for _, m := range ldRe.FindAllStringSubmatch(body, -1) {
		var head struct {
			Context string `json:"@context"`
			Type    string `json:"@type"`
		}
		if err := json.Unmarshal([]byte(m[1]), &head); err != nil {
			t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
		}
		if head.Context != "https://schema.org" {
			t.Errorf("JSON-LD %s has @context %q", head.Type, head.Context)
		}
		out[head.Type] = json.RawMessage(m[1])
	}
	return out
}

// metaContent returns the content of <meta property|name=key>, all of them.
func metaContent(body, key string) []string {
	re := regexp.MustCompile(`<meta (?:property|name)="` + regexp.QuoteMeta(key) + `" content="([^"]*)">`)
	var out []string
	for _, m := range re.FindAllStringSubmatch(body, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

func TestArticleMeta(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	arts := seedDiscovery(t, ts)
	_, body := ts.get(t, "/world-news/"+arts["summit"].Slug)
	base := testBaseURL
	url := base + "/world-news/harbour-summit-ends-with-a-deal"
	checks := map[string][]string{
		"og:type":                {"article"},
		"og:title":               {"Harbour summit ends with a deal"},
		"og:description":         {"Leaders agreed on shared harbour rules."},
		"og:url":                 {url},
		"og:site_name":           {"The Daily Ledger"},
		"og:image":               {base + "/static/quay.jpg"},
		"article:published_time": {"2026-03-15T07:00:00Z"},
		"article:modified_time":  {"2026-03-15T10:00:00Z"},
		"article:section":        {"World News"},
		"article:tag":            {"Diplomacy", "Harbours"},
		"article:author":         {base + "/author/ada-byline"},
		"twitter:card":           {"summary_large_image"},
		"twitter:title":          {"Harbour summit ends with a deal"},
		"description":            {"Leaders agreed on shared harbour rules."},
	}
	for k, want := range checks {
		if got := metaContent(body, k); !slices.Equal(got, want) {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	for _, w := range []string{
		`<link rel="canonical" href="` + url + `">`,
		`<link rel="alternate" type="application/rss+xml" title="The Daily Ledger" href="` + base + `/feed">`,
		`<link rel="alternate" type="application/atom+xml" title="The Daily Ledger – World News (Atom)" href="` + base + `/category/world-news/feed/atom">`,
		`<span class="reading-time">1 min read</span>`,
	} {
		if !strings.Contains(body, w) {
			t.Errorf("article page lacks %s", w)
		}
	}

	ld := jsonLD(t, body)
	var art reader.NewsArticleLD
	if err := json.Unmarshal(ld["NewsArticle"], &art); err != nil {
		t.Fatalf("NewsArticle: %v", err)
	}
	want := reader.NewsArticleLD{
		Context: "https://schema.org", Type: "NewsArticle", Headline: "Harbour summit ends with a deal",
		Description: "Leaders agreed on shared harbour rules.", Image: []string{base + "/static/quay.jpg"},
		DatePublished: "2026-03-15T07:00:00Z", DateModified: "2026-03-15T10:00:00Z",
		Author:           []reader.LDPerson{{Type: "Person", Name: "Ada Byline", URL: base + "/author/ada-byline"}},
		MainEntityOfPage: reader.LDWebPage{Type: "WebPage", ID: url},
		ArticleSection:   "World News", Keywords: []string{"Diplomacy", "Harbours"},
	}
	logo := art.Publisher.Logo
	art.Publisher = reader.LDOrganization{}
	if !jsonEqual(art, want) {
		t.Errorf("NewsArticle\n got %+v\nwant %+v", art, want)
	}
	if !strings.HasPrefix(logo.URL, base+"/static/") || !strings.HasSuffix(logo.URL, "/img/logo.png") || logo.Width != 600 || logo.Height != 60 {
		t.Errorf("publisher logo %+v", logo)
	}

	// The breadcrumb trail in JSON-LD is the one the page shows.
	var crumbs reader.BreadcrumbListLD
	if err := json.Unmarshal(ld["BreadcrumbList"], &crumbs); err != nil {
		t.Fatal(err)
	}
	visible := regexp.MustCompile(`(?s)<nav class="breadcrumb".*?</nav>`).FindString(body)
	var names []string
	for _, m := range regexp.MustCompile(`<(?:a href="[^"]*"|span aria-current="page")>([^<]*)<`).FindAllStringSubmatch(visible, -1) {
		names = append(names, html.UnescapeString(m[1]))
	}
	var ldNames []string
	for i, it := range crumbs.ItemListElement {
		ldNames = append(ldNames, it.Name)
		if it.Position != i+1 || !strings.HasPrefix(it.Item, base+"/") {
			t.Errorf("breadcrumb item %+v", it)
		}
	}
	if !slices.Equal(names, ldNames) || len(names) != 3 {
		t.Errorf("JSON-LD breadcrumb %q, page shows %q", ldNames, names)
	}
	if _, ok := ld["WebSite"]; ok {
		t.Error("article page carries the WebSite block")
	}
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// A headline can hold anything an editor types; it must stay data inside
// the JSON-LD block and never end the script element.
func TestJSONLDEscapesHostileText(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	arts := seedDiscovery(t, ts)
	_, body := ts.get(t, "/world-news/"+arts["markup"].Slug)
	if strings.Contains(body, `</script>"`) || strings.Contains(body, `<script>alert`) {
		t.Fatal("hostile text breaks out of its context")
	}
	var art reader.NewsArticleLD
	if err := json.Unmarshal(jsonLD(t, body)["NewsArticle"], &art); err != nil {
		t.Fatal(err)
	}
	if art.Headline != `Q&A: why "<b>" tags & ]]> end up in headlines` {
		t.Errorf("headline %q", art.Headline)
	}
	if art.Description != `Editors explain <script>alert("x")</script> and other oddities.` {
		t.Errorf("description %q", art.Description)
	}
	// No picture in the article: the site's card image, with its size.
	if got := metaContent(body, "og:image:width"); !slices.Equal(got, []string{"1200"}) {
		t.Errorf("og:image:width %q", got)
	}
}

func TestFrontPageMeta(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	_, body := ts.get(t, "/")
	var site reader.WebSiteLD
	if err := json.Unmarshal(jsonLD(t, body)["WebSite"], &site); err != nil {
		t.Fatal(err)
	}
	if site.URL != testBaseURL+"/" || site.Name != "The Daily Ledger" ||
		site.PotentialAction.Type != "SearchAction" ||
		site.PotentialAction.Target.URLTemplate != testBaseURL+"/search?q={search_term_string}" ||
		site.PotentialAction.QueryInput != "required name=search_term_string" {
		t.Errorf("WebSite %+v", site)
	}
	if got := metaContent(body, "og:type"); !slices.Equal(got, []string{"website"}) {
		t.Errorf("og:type %q", got)
	}
}

func TestCanonicalLinks(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	tests := map[string]string{
		"/":                            "/",
		"/category/world-news":         "/category/world-news",
		"/category/world-news?page=1":  "/category/world-news",
		"/tag/russia":                  "/tag/russia",
		"/search?q=flood":              "/search?q=flood",
		"/search?q=flood+rail&page=2":  "/search?q=flood&#43;rail&amp;page=2",
		"/author/priya-raman?page=abc": "",
	}
	for path, want := range tests {
		_, body := ts.get(t, path)
		link := `<link rel="canonical" href="` + testBaseURL + want + `">`
		if want == "" {
			if strings.Contains(body, `rel="canonical"`) {
				t.Errorf("%s: error page has a canonical link", path)
			}
			continue
		}
		if !strings.Contains(body, link) {
			t.Errorf("%s: no %s", path, link)
		}
	}
}

// An article with a lead picture shows it on its social card, with its size.
func TestArticleMetaUsesLeadImage(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	_, body := ts.get(t, "/world-news/kim-jong-un-to-visit-russia-in-coming-days-confirms-kremlin")
	img := metaContent(body, "og:image")
	if len(img) != 1 || !strings.HasPrefix(img[0], testBaseURL+"/media/") {
		t.Fatalf("og:image %q, want the lead image", img)
	}
	if w := metaContent(body, "og:image:width"); len(w) == 1 && w[0] != "1280" {
		t.Errorf("og:image:width %q", w)
	}
	var art reader.NewsArticleLD
	if err := json.Unmarshal(jsonLD(t, body)["NewsArticle"], &art); err != nil || len(art.Image) != 1 || art.Image[0] != img[0] {
		t.Errorf("NewsArticle image %q, %v", art.Image, err)
	}
	if res, _ := ts.get(t, strings.TrimPrefix(img[0], testBaseURL)); res.StatusCode != 200 {
		t.Errorf("card image %s: status %d", img[0], res.StatusCode)
	}
}
