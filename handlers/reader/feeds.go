package reader

import (
	"bytes"
	"context"
	"encoding/xml"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/handlers/pagecache"
	"github.com/newsroom/news/models"
)

// feedSize is how many of the newest articles a feed carries.
const feedSize = 20

// feedLanguage is the language of the site's articles.
const feedLanguage = "en"

// feed is what the RSS and Atom encoders need, for the site or for one
// section, tag or author.
type feed struct {
	Title       string
	Description string
	Path        string // the HTML page the feed follows
	SelfPath    string // the feed's own address
	Articles    []models.Article
	Tags        map[int64][]models.Tag
	Updated     time.Time
}

// Kinds of feed: the site's and one per section, tag and author.
const (
	FeedSite    = ""
	FeedSection = "category"
	FeedTag     = "tag"
	FeedAuthor  = "author"
)

// loadFeed reads the newest articles of the site (kind FeedSite) or of the
// section, tag or author with that slug, for a feed at selfPath.
func (h *Handler) loadFeed(ctx context.Context, kind, slug, selfPath string) (feed, error) {
	st, err := h.Settings.Get(ctx)
	if err != nil {
		return feed{}, err
	}
	f := feed{Title: st.SiteName, Description: st.Tagline, Path: "/", SelfPath: selfPath}
	filter, err := h.feedSubject(ctx, kind, slug, &f)
	if err != nil {
		return f, kit.NotFoundIf(err)
	}
	if f.Articles, err = h.Articles.LatestFull(ctx, filter, feedSize); err != nil {
		return f, err
	}
	if err := h.withLeads(ctx, f.Articles); err != nil {
		return f, err
	}
	for _, a := range f.Articles {
		f.Updated = later(f.Updated, later(a.PublishedAt, a.UpdatedAt))
	}
	if f.Tags, err = h.Tags.ForArticles(ctx, articleIDs(f.Articles)); err != nil {
		return f, err
	}
	if f.Updated.IsZero() {
		f.Updated = time.Unix(0, 0).UTC() // an empty feed has never changed
	}
	return f, nil
}

// feedSubject finds the section, tag or author a feed follows, names the
// feed after it, and returns the filter for its articles.
func (h *Handler) feedSubject(ctx context.Context, kind, slug string, f *feed) (models.ListFilter, error) {
	site := f.Title
	switch kind {
	case FeedSection:
		cat, err := h.Categories.BySlug(ctx, slug)
		if err != nil {
			return models.ListFilter{}, err
		}
		f.Title, f.Path = site+" – "+cat.Name, cat.URL()
		if cat.Description != "" {
			f.Description = cat.Description
		}
		return models.ListFilter{CategoryID: cat.ID}, nil
	case FeedTag:
		t, err := h.Tags.BySlug(ctx, slug)
		if err != nil {
			return models.ListFilter{}, err
		}
		f.Title, f.Path, f.Description = site+" – "+t.Name, t.URL(), "Articles tagged "+t.Name
		return models.ListFilter{TagID: t.ID}, nil
	case FeedAuthor:
		u, err := h.Users.BySlug(ctx, slug)
		if err != nil {
			return models.ListFilter{}, err
		}
		f.Title, f.Path, f.Description = site+" – "+u.Name, u.URL(), "Articles by "+u.Name
		return models.ListFilter{AuthorID: u.ID}, nil
	}
	return models.ListFilter{}, nil
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// tagURI is an entry's permanent id, which stays the same when the
// article's title, slug, section or publication time change (RFC 4151).
func (h *Handler) tagURI(a models.Article) string {
	host := "localhost"
	if u, err := url.Parse(h.BaseURL); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	return "tag:" + host + "," + a.CreatedAt.UTC().Format("2006-01-02") + ":article:" + strconv.FormatInt(a.ID, 10)
}

var sitePathAttrRe = regexp.MustCompile(`(\s(?:src|href))="/([^/"])`)

// absoluteLinks makes the site's own links and images in an article's HTML
// absolute, since a feed reader shows them away from the site.
func (h *Handler) absoluteLinks(html string) string {
	return sitePathAttrRe.ReplaceAllString(html, `$1="`+strings.ReplaceAll(h.BaseURL, "$", "$$")+`/$2`)
}

// FeedRSS serves /feed and the RSS feed of a section, tag or author
// (/category/:slug/feed, /tag/:slug/feed, /author/:slug/feed).
func (h *Handler) FeedRSS(kind string) echo.HandlerFunc {
	return func(c echo.Context) error {
		f, err := h.feedOf(c, kind)
		if err != nil {
			return err
		}
		feedTags(c, f)
		return writeXML(c, "application/rss+xml; charset=utf-8", h.rss(f))
	}
}

// FeedAtom serves /feed/atom and the Atom feed of a section, tag or
// author (the RSS address followed by /atom).
func (h *Handler) FeedAtom(kind string) echo.HandlerFunc {
	return func(c echo.Context) error {
		f, err := h.feedOf(c, kind)
		if err != nil {
			return err
		}
		feedTags(c, f)
		return writeXML(c, "application/atom+xml; charset=utf-8", h.atom(f))
	}
}

func (h *Handler) feedOf(c echo.Context, kind string) (feed, error) {
	slug := ""
	if kind != FeedSite {
		var err error
		if slug, err = kit.SlugParam(c, "slug"); err != nil {
			return feed{}, err
		}
	}
	return h.loadFeed(c.Request().Context(), kind, slug, c.Request().URL.Path)
}

// feedPicture is an article's lead picture at the top of its feed
// content, since many feed readers show only the content.
func (h *Handler) feedPicture(a models.Article) string {
	m := a.Lead
	if m == nil {
		return ""
	}
	return `<figure><img src="` + html.EscapeString(h.BaseURL+m.URL(feedImageWidth)) + `" alt="` + html.EscapeString(m.Alt) +
		`" width="` + strconv.Itoa(feedImageWidth) + `"></figure>`
}

// feedImageWidth is the width of the lead pictures feeds point to.
const feedImageWidth = 960

// feedImageType is the MIME type of the copy of m that feeds point to.
func feedImageType(m *models.Media) string {
	if m.Ext() == "png" {
		return "image/png"
	}
	return "image/jpeg"
}

// writeXML encodes v after the XML declaration. Feeds and sitemaps change
// with what is published, so caches may keep them for a few minutes.
func writeXML(c echo.Context, contentType string, v any) error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.WriteByte('\n')
	c.Response().Header().Set("Cache-Control", "public, max-age=300")
	return c.Blob(http.StatusOK, contentType, buf.Bytes())
}

// feedTags names the articles a feed carries, and the entries of those
// covered live (an entry moves the item's updated time).
func feedTags(c echo.Context, f feed) {
	for _, a := range f.Articles {
		pagecache.AddTags(c, models.ArticleTag(a.ID), models.LiveEntriesTag(a.ID))
	}
}
