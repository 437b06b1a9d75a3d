package reader

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// perBlock is how many articles each section block on the front page
// shows: its lead story and a short list.
const perBlock = 4

// TopRow is how many top stories make one row at the widest layout; the
// top stories come in whole rows (4 or 8), so no row ends half empty.
const TopRow = 4

// Home shows the front page: the lead and the top stories editors chose
// (the newest featured filling in), then a block per section of the
// navigation. No story appears twice in the main column.
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
	lead, top, err := h.frontStories(ctx)
	if err != nil {
		return err
	}
	// The lead, the top stories, then every block's articles: one query
	// finds all their pictures.
	all := append(append([]models.Article(nil), lead...), top...)
	shown := articleIDs(all)
	var cats []models.Category
	var sizes []int
	for _, cat := range l.Nav {
		list, err := h.Articles.LatestInCategoryExcept(ctx, cat.ID, perBlock, shown)
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
	if len(lead) > 0 {
		p.Lead = &cards[0]
		countComments(p.Lead, lead[0])
	}
	p.Top, cards = cards[len(lead):len(lead)+len(top)], cards[len(lead)+len(top):]
	for i, cat := range cats {
		p.Blocks = append(p.Blocks, SectionBlock{Category: cat, Lead: cards[0], Rest: cards[1:sizes[i]:sizes[i]]})
		cards = cards[sizes[i]:]
	}
	return h.render(c, http.StatusOK, p)
}

// frontStories returns the lead (none on an empty site) and the top
// stories: those editors placed, then the newest featured, up to whole
// rows of TopRow.
func (h *Handler) frontStories(ctx context.Context) (lead, top []models.Article, err error) {
	chosen, err := h.Articles.FrontPage(ctx)
	if err != nil {
		return nil, nil, err
	}
	want := 1 + topSlots(len(chosen)-1)
	more, err := h.Articles.Featured(ctx, want-len(chosen), articleIDs(chosen))
	if err != nil {
		return nil, nil, err
	}
	all := append(chosen, more...)
	if len(all) == 0 {
		return nil, nil, nil
	}
	top = all[1:]
	if n := len(top); n > TopRow {
		top = top[:n-n%TopRow] // a short last row only when there is no more news
	}
	return all[:1:1], top, nil
}

// topSlots is how many top stories to show when editors chose n: whole
// rows, at least one, at most two.
func topSlots(n int) int {
	switch {
	case n <= TopRow:
		return TopRow
	default:
		return 2 * TopRow
	}
}

func articleIDs(list []models.Article) []int64 {
	ids := make([]int64, len(list))
	for i, a := range list {
		ids[i] = a.ID
	}
	return ids
}
