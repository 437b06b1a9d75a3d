package reader

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// SectionShow lists a section's articles at /category/:slug.
func (h *Handler) SectionShow(c echo.Context) error {
	slug, err := kit.SlugParam(c, "slug")
	if err != nil {
		return err
	}
	cat, err := h.Categories.BySlug(c.Request().Context(), slug)
	if errors.Is(err, models.ErrNotFound) {
		// A slug the section had before it was renamed or merged.
		if moved, rerr := h.Categories.Redirected(c.Request().Context(), slug); rerr == nil {
			return c.Redirect(http.StatusMovedPermanently, moved.URL())
		}
	}
	if err != nil {
		return kit.NotFoundIf(err)
	}
	return h.list(c, models.ListFilter{CategoryID: cat.ID}, ListPage{
		Kind: "Section", Heading: cat.Name, Intro: cat.Description, BaseURL: cat.URL(), ListTag: models.SectionTag(cat.ID), Feed: cat.URL() + "/feed",
	}, cat.Slug)
}

// TagShow lists a tag's articles at /tag/:slug.
func (h *Handler) TagShow(c echo.Context) error {
	slug, err := kit.SlugParam(c, "slug")
	if err != nil {
		return err
	}
	t, err := h.Tags.BySlug(c.Request().Context(), slug)
	if err != nil {
		return kit.NotFoundIf(err)
	}
	return h.list(c, models.ListFilter{TagID: t.ID}, ListPage{
		Kind: "Tag", Heading: t.Name, BaseURL: t.URL(), ListTag: models.TagTag(t.ID),
	}, "")
}

// AuthorShow lists an author's articles at /author/:slug.
func (h *Handler) AuthorShow(c echo.Context) error {
	slug, err := kit.SlugParam(c, "slug")
	if err != nil {
		return err
	}
	u, err := h.Users.BySlug(c.Request().Context(), slug)
	if err != nil {
		return kit.NotFoundIf(err)
	}
	return h.list(c, models.ListFilter{AuthorID: u.ID}, ListPage{
		Kind: "Author", Heading: u.Name, Intro: u.Bio, JobTitle: u.JobTitle, Photo: u.PhotoURL(320), BaseURL: u.URL(),
		ListTag: models.AuthorTag(u.ID),
	}, "")
}

// list fills p with one page of articles matching f. A page past the end is
// a 404; the first page of an empty list is shown as empty.
func (h *Handler) list(c echo.Context, f models.ListFilter, p ListPage, section string) error {
	n, err := kit.PageParam(c)
	if err != nil {
		return err
	}
	list, pager, err := h.Articles.ListPublished(c.Request().Context(), f, n)
	if err != nil {
		return err
	}
	if err := h.withLeads(c.Request().Context(), list); err != nil {
		return err
	}
	if len(list) == 0 && n > 1 {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	title := p.Heading
	if n > 1 {
		title += " – page " + strconv.Itoa(n)
	}
	if p.Layout, err = h.layout(c, title); err != nil {
		return err
	}
	p.inSection(section)
	p.Canonical = views.PageURL(p.BaseURL, n)
	p.Description = p.Intro
	p.Articles, p.Pager = cardsOf(list, p.zone()), pager
	if len(p.Articles) > 1 { // the first is the "card-first" partial
		if err := h.withCardHTML(p.Articles[1:]); err != nil {
			return err
		}
	}
	return h.render(c, http.StatusOK, p)
}
