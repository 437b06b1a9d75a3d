package reader

import (
	"encoding/xml"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/pagecache"
	"github.com/newsroom/news/models"
)

type sitemapIndexDoc struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapRef `xml:"sitemap"`
}

type sitemapRef struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlsetDoc struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapRef `xml:"url"`
}

// SitemapIndex serves /sitemap.xml: the sections' sitemap and one sitemap
// per 50 000 articles.
func (h *Handler) SitemapIndex(c echo.Context) error {
	ctx := c.Request().Context()
	pages, err := h.Articles.SitemapPages(ctx, models.SitemapSize)
	if err != nil {
		return err
	}
	secs, err := h.sectionEntries(c)
	if err != nil {
		return err
	}
	doc := sitemapIndexDoc{Sitemaps: []sitemapRef{{Loc: h.BaseURL + "/sitemaps/sections.xml", LastMod: secs[0].LastMod}}}
	for i, m := range pages {
		doc.Sitemaps = append(doc.Sitemaps, sitemapRef{
			Loc: h.BaseURL + "/sitemaps/articles/" + strconv.Itoa(i+1) + ".xml", LastMod: isoTime(m)})
	}
	return writeXML(c, "application/xml; charset=utf-8", doc)
}

// sectionEntries lists the front page, every section and every author
// with a live article (co-authors included), each last changed when its
// newest article did; the front page comes first.
func (h *Handler) sectionEntries(c echo.Context) ([]sitemapRef, error) {
	ctx := c.Request().Context()
	secs, err := h.Categories.All(ctx)
	if err != nil {
		return nil, err
	}
	changed, err := h.Articles.SectionsLastMod(ctx)
	if err != nil {
		return nil, err
	}
	var newest time.Time
	for _, t := range changed {
		newest = later(newest, t)
	}
	out := []sitemapRef{{Loc: h.BaseURL + "/", LastMod: lastmod(newest)}}
	for _, s := range secs {
		out = append(out, sitemapRef{Loc: h.BaseURL + s.URL(), LastMod: lastmod(changed[s.ID])})
	}
	authors, err := h.Articles.AuthorsLastMod(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range authors {
		out = append(out, sitemapRef{Loc: h.BaseURL + a.URL(), LastMod: lastmod(a.LastMod)})
	}
	return out, nil
}

func lastmod(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return isoTime(t)
}

// SitemapSections serves /sitemaps/sections.xml.
func (h *Handler) SitemapSections(c echo.Context) error {
	urls, err := h.sectionEntries(c)
	if err != nil {
		return err
	}
	return writeXML(c, "application/xml; charset=utf-8", urlsetDoc{URLs: urls})
}

// SitemapArticles serves /sitemaps/articles/N.xml.
func (h *Handler) SitemapArticles(c echo.Context) error {
	num, ok := strings.CutSuffix(c.Param("file"), ".xml")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || n < 1 || n > models.MaxPage || strconv.Itoa(n) != num {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	entries, err := h.Articles.SitemapEntries(c.Request().Context(), n, models.SitemapSize)
	if err != nil {
		return err
	}
	if len(entries) == 0 && n > 1 {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	doc := urlsetDoc{URLs: make([]sitemapRef, len(entries))}
	for i, e := range entries {
		doc.URLs[i] = sitemapRef{Loc: h.BaseURL + e.URL(), LastMod: isoTime(e.LastMod)}
	}
	return writeXML(c, "application/xml; charset=utf-8", doc)
}

// Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).

// newsWindow is how far back a news sitemap reaches, and newsMax the most
// articles it may list.
const (
	newsWindow = 48 * time.Hour
	newsMax    = 1000
)

type newsURLSet struct {
	XMLName xml.Name  `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	NSNews  string    `xml:"xmlns:news,attr"`
	URLs    []newsURL `xml:"url"`
}

type newsURL struct {
	Loc  string `xml:"loc"`
	News struct {
		Publication struct {
			Name     string `xml:"news:name"`
			Language string `xml:"news:language"`
		} `xml:"news:publication"`
		PublicationDate string `xml:"news:publication_date"`
		Title           string `xml:"news:title"`
	} `xml:"news:news"`
}

// NewsSitemap serves /news-sitemap.xml: articles of the last 48 hours and
// those covered live now.
func (h *Handler) NewsSitemap(c echo.Context) error {
	ctx := c.Request().Context()
	st, err := h.Settings.Get(ctx)
	if err != nil {
		return err
	}
	list, err := h.Articles.PublishedSince(ctx, h.Now().Add(-newsWindow), newsMax)
	if err != nil {
		return err
	}
	if n := len(list); n > 0 {
		// The page changes by time alone when its oldest article leaves.
		pagecache.Until(c, list[n-1].PublishedAt.Add(newsWindow))
	}
	// Articles covered live stay listed, however old, while the coverage runs.
	if list, err = h.withLiveNow(ctx, list); err != nil {
		return err
	}
	doc := newsURLSet{NSNews: "http://www.google.com/schemas/sitemap-news/0.9", URLs: make([]newsURL, len(list))}
	for i, a := range list {
		u := &doc.URLs[i]
		u.Loc = h.BaseURL + a.URL()
		u.News.Publication.Name = st.SiteName
		u.News.Publication.Language = feedLanguage
		u.News.PublicationDate = isoTime(a.PublishedAt)
		u.News.Title = a.Title
	}
	return writeXML(c, "application/xml; charset=utf-8", doc)
}

// Robots serves /robots.txt: everything but the newsroom and search
// results may be crawled; the sitemaps are named.
func (h *Handler) Robots(c echo.Context) error {
	body := "User-agent: *\nDisallow: /admin\nDisallow: /search\n\n" +
		"Sitemap: " + h.BaseURL + "/sitemap.xml\n" +
		"Sitemap: " + h.BaseURL + "/news-sitemap.xml\n"
	c.Response().Header().Set("Cache-Control", "public, max-age=3600")
	return c.String(http.StatusOK, body)
}
