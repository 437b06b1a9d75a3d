package handlers

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// perBlock is how many articles each section block on the front page shows.
const perBlock = 4

// home shows the front page: the lead story, then each section's newest.
func (h *Handler) home(c echo.Context) error {
	ctx := c.Request().Context()
	l, err := h.layout(c, "")
	if err != nil {
		return err
	}
	l.CurrentSection = "home"
	l.Canonical = "/"
	l.Meta.WebSite = h.webSiteLD(l)
	p := HomePage{Layout: l}
	lead, err := h.Articles.Lead(ctx)
	switch {
	case err == nil:
		one := []models.Article{articleInZone(lead, l.zone())}
		if err := h.withLeads(ctx, one); err != nil {
			return err
		}
		p.Lead = &one[0]
	case !errors.Is(err, models.ErrNotFound):
		return err
	}
	for _, cat := range l.Sections {
		list, err := h.Articles.LatestInCategory(ctx, cat.ID, perBlock)
		if err != nil {
			return err
		}
		if err := h.withLeads(ctx, list); err != nil {
			return err
		}
		if len(list) > 0 {
			p.Blocks = append(p.Blocks, SectionBlock{Category: cat, Articles: inZone(list, l.zone())})
		}
	}
	return h.render(c, http.StatusOK, p)
}
