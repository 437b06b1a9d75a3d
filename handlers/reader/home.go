package reader

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// perBlock is how many articles each section block on the front page shows.
const perBlock = 4

// Home shows the front page: the lead story, then each section's newest.
func (h *Handler) Home(c echo.Context) error {
	ctx := c.Request().Context()
	l, err := h.layout(c, "")
	if err != nil {
		return err
	}
	l.inSection("home")
	l.Canonical = "/"
	l.Meta.WebSite = h.webSiteLD(l)
	p := HomePage{Layout: l}
	// The lead first, then every block's articles: one query finds all
	// their pictures.
	var all []models.Article
	lead, err := h.Articles.Lead(ctx)
	hasLead := err == nil
	switch {
	case hasLead:
		all = append(all, lead)
	case !errors.Is(err, models.ErrNotFound):
		return err
	}
	var cats []models.Category
	var sizes []int
	for _, cat := range l.Sections {
		list, err := h.Articles.LatestInCategory(ctx, cat.ID, perBlock)
		if err != nil {
			return err
		}
		if len(list) > 0 {
			all = append(all, list...)
			cats, sizes = append(cats, cat), append(sizes, len(list))
		}
	}
	if err := h.withLeads(ctx, all); err != nil {
		return err
	}
	cards := cardsOf(all, l.zone())
	if hasLead {
		p.Lead = &cards[0]
		countComments(p.Lead, lead)
		cards = cards[1:]
	}
	for i, cat := range cats {
		p.Blocks = append(p.Blocks, SectionBlock{Category: cat, Articles: cards[:sizes[i]:sizes[i]]})
		cards = cards[sizes[i]:]
	}
	return h.render(c, http.StatusOK, p)
}
