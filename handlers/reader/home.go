package reader

import (
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
	front, err := h.Articles.Front(ctx, perBlock)
	if err != nil {
		return err
	}
	// The lead first, then every block's articles: one query finds all
	// their pictures.
	var all []models.Article
	if front.Lead != nil {
		all = append(all, *front.Lead)
	}
	all = append(all, front.Blocks...)
	if err := h.withLeads(ctx, all); err != nil {
		return err
	}
	cards := cardsOf(all, l.zone())
	if front.Lead != nil {
		p.Lead = &cards[0]
		countComments(p.Lead, *front.Lead)
		cards = cards[1:]
	}
	if err := h.withCardHTML(cards); err != nil {
		return err
	}
	p.Blocks = sectionBlocks(l.Sections, front.Blocks, cards)
	return h.render(c, http.StatusOK, p)
}

// sectionBlocks groups cards (of articles, in the same order) into a block
// per section, in the navigation's order, leaving out empty sections.
func sectionBlocks(secs []models.Category, articles []models.Article, cards []Card) []SectionBlock {
	bySection := make(map[int64][]Card, len(secs))
	for i, a := range articles {
		bySection[a.Category.ID] = append(bySection[a.Category.ID], cards[i])
	}
	var out []SectionBlock
	for _, cat := range secs {
		if list := bySection[cat.ID]; len(list) > 0 {
			out = append(out, SectionBlock{Category: cat, Articles: list})
		}
	}
	return out
}
