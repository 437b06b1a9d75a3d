package reader

import (
	"regexp"
	"strings"
	"time"

	"github.com/newsroom/news/models"
)

// PageMeta is what a page's head tells search engines, feed readers and
// social networks beyond its title, description and canonical link.
type PageMeta struct {
	Type    string    // og:type: "website" or "article"
	Image   MetaImage // the social card's picture
	Robots  string    // robots meta, such as "noindex, follow"; empty for the default
	Article *ArticleMeta
	// JSON-LD blocks, each rendered when set.
	NewsArticle *NewsArticleLD
	Breadcrumbs *BreadcrumbListLD
	WebSite     *WebSiteLD
}

// MetaImage is an absolute image URL with its size when known.
type MetaImage struct {
	URL    string
	Width  int
	Height int
	Alt    string
}

// ArticleMeta holds the Open Graph article:* properties.
type ArticleMeta struct {
	Published string // RFC 3339
	Modified  string
	Section   string
	Tags      []string
	AuthorURL string
}

// Sizes of the images in static/img used for social cards and the
// publisher's logo.
const (
	shareImage              = "img/share.png"
	shareWidth, shareHeight = 1200, 630
	logoImage               = "img/logo.png"
	logoWidth, logoHeight   = 600, 60
	// cardWidth is the width of a lead image's copy on social cards.
	cardWidth = 1280
)

// AbsURL turns a site path into an absolute URL on the site's base URL.
func (l Layout) AbsURL(path string) string {
	if path == "" || strings.HasPrefix(path, "http://") || strings.HasPrefix(path, "https://") {
		return path
	}
	return l.base + path
}

// CurrentSectionName is the name of the section the page belongs to, if
// any, for the section's feed links.
func (l Layout) CurrentSectionName() string {
	for _, s := range l.Sections {
		if s.Slug == l.CurrentSection {
			return s.Name
		}
	}
	return ""
}

// assetURL returns an asset's absolute URL, or "" if it is missing.
func (h *Handler) assetURL(name string) string {
	if h.Assets == nil {
		return ""
	}
	u, err := h.Assets.URL(name)
	if err != nil {
		return ""
	}
	return h.BaseURL + u
}

// defaultMeta is every page's meta until a handler says more: a website
// with the site's share image.
func (h *Handler) defaultMeta() PageMeta {
	return PageMeta{Type: "website", Image: MetaImage{URL: h.assetURL(shareImage), Width: shareWidth, Height: shareHeight}}
}

var imgSrcRe = regexp.MustCompile(`<img[^>]+src="([^"]+)"`)

// articleMeta describes an article page: Open Graph article properties and
// the NewsArticle and BreadcrumbList JSON-LD blocks.
func (h *Handler) articleMeta(l Layout, a models.Article, tags []models.Tag) PageMeta {
	m := l.Meta
	m.Type = "article"
	// The article's own picture makes a better card than the site's: its
	// lead image, else the first in its body.
	if ld := a.Lead; ld != nil {
		m.Image = MetaImage{URL: l.AbsURL(ld.URL(cardWidth)), Alt: ld.Alt}
		if ld.Width >= cardWidth {
			m.Image.Width, m.Image.Height = cardWidth, ld.Height*cardWidth/ld.Width
		}
	} else if sub := imgSrcRe.FindStringSubmatch(string(a.BodyHTML)); sub != nil {
		if src := htmlUnescape(sub[1]); strings.HasPrefix(src, "/") || strings.HasPrefix(src, "https://") {
			m.Image = MetaImage{URL: l.AbsURL(src), Alt: a.Title}
		}
	}
	names := make([]string, len(tags))
	for i, t := range tags {
		names[i] = t.Name
	}
	modified := a.UpdatedAt
	if modified.Before(a.PublishedAt) {
		modified = a.PublishedAt
	}
	m.Article = &ArticleMeta{
		Published: isoTime(a.PublishedAt), Modified: isoTime(modified),
		Section: a.Category.Name, Tags: names, AuthorURL: l.AbsURL(a.Author.URL()),
	}
	m.NewsArticle = &NewsArticleLD{
		Context: schemaOrg, Type: "NewsArticle",
		Headline: a.Title, Description: a.Summary, Image: []string{m.Image.URL},
		DatePublished: isoTime(a.PublishedAt), DateModified: isoTime(modified),
		Author: ldAuthors(l, a),
		Publisher: LDOrganization{Type: "NewsMediaOrganization", Name: l.Site.SiteName, URL: l.AbsURL("/"),
			Logo: LDImage{Type: "ImageObject", URL: h.assetURL(logoImage), Width: logoWidth, Height: logoHeight}},
		MainEntityOfPage: LDWebPage{Type: "WebPage", ID: l.AbsURL(a.URL())},
		ArticleSection:   a.Category.Name,
		Keywords:         names,
	}
	// The same trail as the breadcrumb the page shows.
	m.Breadcrumbs = &BreadcrumbListLD{Context: schemaOrg, Type: "BreadcrumbList", ItemListElement: []LDListItem{
		{Type: "ListItem", Position: 1, Name: "Home", Item: l.AbsURL("/")},
		{Type: "ListItem", Position: 2, Name: a.Category.Name, Item: l.AbsURL(a.Category.URL())},
		{Type: "ListItem", Position: 3, Name: a.Title, Item: l.AbsURL(a.URL())},
	}}
	return m
}

// webSiteLD describes the site and how to search it, for the front page.
func (h *Handler) webSiteLD(l Layout) *WebSiteLD {
	return &WebSiteLD{
		Context: schemaOrg, Type: "WebSite", Name: l.Site.SiteName, URL: l.AbsURL("/"),
		PotentialAction: LDSearchAction{
			Type:       "SearchAction",
			Target:     LDEntryPoint{Type: "EntryPoint", URLTemplate: l.AbsURL("/search") + "?q={search_term_string}"},
			QueryInput: "required name=search_term_string",
		},
	}
}

// isoTime formats t for machines: RFC 3339 in UTC.
func isoTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

var entityReplacer = strings.NewReplacer("&amp;", "&", "&#34;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">")

// htmlUnescape decodes the few entities the sanitizer writes in attributes.
func htmlUnescape(s string) string { return entityReplacer.Replace(s) }

// ldAuthors names every byline of a, in order.
func ldAuthors(l Layout, a models.Article) []LDPerson {
	var out []LDPerson
	for _, u := range a.Bylines() {
		out = append(out, LDPerson{Type: "Person", Name: u.Name, URL: l.AbsURL(u.URL())})
	}
	return out
}
