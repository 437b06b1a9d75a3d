package reader

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// SitePageView is a published page (About, Contact ...) as readers see it.
type SitePageView struct {
	Layout
	Page models.SitePage
}

// Template names the page's template.
func (SitePageView) Template() string { return "site_page" }

// SitePageShow serves a published page at /<slug>.
func (h *Handler) SitePageShow(c echo.Context) error {
	p, err := h.Pages.PublishedBySlug(c.Request().Context(), c.Param("slug"))
	if err != nil {
		return kit.NotFoundIf(err)
	}
	l, err := h.layout(c, p.Title)
	if err != nil {
		return err
	}
	l.Canonical = l.AbsURL(p.URL())
	return h.render(c, http.StatusOK, SitePageView{Layout: l, Page: p})
}

// ArticlePreviewPage is an article as readers will see it, in the reader
// layout, marked as a preview.
type ArticlePreviewPage struct {
	ArticlePage
	EditURL string // back to the editor
	State   string // what the stored article is now: draft, scheduled ...
}

// Template names the page's template.
func (ArticlePreviewPage) Template() string { return "article_preview" }

// Preview shows p as the article page, never cached or indexed. The
// newsroom's editor calls it for its Preview button.
func (h *Handler) Preview(c echo.Context, p kit.Preview) error {
	l, err := h.layout(c, "Preview: "+p.Article.Title)
	if err != nil {
		return err
	}
	l.Meta.Robots = "noindex, nofollow"
	a := kit.ArticleInZone(p.Article, l.zone())
	c.Response().Header().Set("Cache-Control", "no-store")
	c.Response().Header().Set("X-Robots-Tag", "noindex, nofollow")
	return h.render(c, http.StatusOK, ArticlePreviewPage{
		ArticlePage: ArticlePage{Layout: l, Article: a, Tags: p.Tags}, EditURL: p.EditURL, State: p.State})
}
