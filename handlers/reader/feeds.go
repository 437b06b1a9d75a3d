package reader

import (
	"bytes"
	"context"
	"encoding/xml"
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

// feed is what the RSS and Atom encoders need, for the site or a section.
type feed struct {
	Title       string
	Description string
	Path        string // the HTML page the feed follows
	SelfPath    string // the feed's own address
	Articles    []models.Article
	Tags        map[int64][]models.Tag
	Updated     time.Time
}

// loadFeed reads the newest articles of a section (slug) or of the site
// (slug ""), for a feed at selfPath.
func (h *Handler) loadFeed(ctx context.Context, slug, selfPath string) (feed, error) {
	st, err := h.Settings.Get(ctx)
	if err != nil {
		return feed{}, err
	}
	f := feed{Title: st.SiteName, Description: st.Tagline, Path: "/", SelfPath: selfPath}
	var catID int64
	if slug != "" {
		cat, err := h.Categories.BySlug(ctx, slug)
		if err != nil {
			return f, kit.NotFoundIf(err)
		}
		catID = cat.ID
		f.Title = st.SiteName + " – " + cat.Name
		f.Path = cat.URL()
		if cat.Description != "" {
			f.Description = cat.Description
		}
	}
	if f.Articles, err = h.Articles.LatestFull(ctx, catID, feedSize); err != nil {
		return f, err
	}
	ids := make([]int64, len(f.Articles))
	for i, a := range f.Articles {
		ids[i] = a.ID
		f.Updated = later(f.Updated, later(a.PublishedAt, a.UpdatedAt))
	}
	if f.Tags, err = h.Tags.ForArticles(ctx, ids); err != nil {
		return f, err
	}
	if f.Updated.IsZero() {
		f.Updated = time.Unix(0, 0).UTC() // an empty feed has never changed
	}
	return f, nil
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

// FeedRSS serves /feed and /category/:slug/feed.
func (h *Handler) FeedRSS(c echo.Context) error {
	slug, err := feedSlug(c)
	if err != nil {
		return err
	}
	f, err := h.loadFeed(c.Request().Context(), slug, c.Request().URL.Path)
	if err != nil {
		return err
	}
	feedTags(c, f)
	return writeXML(c, "application/rss+xml; charset=utf-8", h.rss(f))
}

// FeedAtom serves /feed/atom and /category/:slug/feed/atom.
func (h *Handler) FeedAtom(c echo.Context) error {
	slug, err := feedSlug(c)
	if err != nil {
		return err
	}
	f, err := h.loadFeed(c.Request().Context(), slug, c.Request().URL.Path)
	if err != nil {
		return err
	}
	feedTags(c, f)
	return writeXML(c, "application/atom+xml; charset=utf-8", h.atom(f))
}

// feedSlug is the section of a section's feed, "" for the site's.
func feedSlug(c echo.Context) (string, error) {
	if c.Param("slug") == "" {
		return "", nil
	}
	return kit.SlugParam(c, "slug")
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
