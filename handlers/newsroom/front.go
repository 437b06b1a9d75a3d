package newsroom

import (
	"errors"
	"net/http"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// pickCount is how many of the newest stories the front-page screen
// offers to place.
const pickCount = 60

// AdminFrontPage is the newsroom's front-page screen: the stories editors
// placed, in order (the first is the lead), and the newest stories they
// can add.
type AdminFrontPage struct {
	Layout
	Placed []models.Article
	Pick   []models.Article
	Max    int
}

func (AdminFrontPage) Template() string { return "admin_front" }

// Full reports whether every place on the front page is taken.
func (p AdminFrontPage) Full() bool { return len(p.Placed) >= p.Max }

// FrontShow shows the front-page screen.
func (h *Handler) FrontShow(c echo.Context) error {
	ctx := c.Request().Context()
	l, err := h.layout(c, "Front page", "front")
	if err != nil {
		return err
	}
	ids, err := h.Articles.FrontPageIDs(ctx)
	if err != nil {
		return err
	}
	p := AdminFrontPage{Layout: l, Max: models.MaxFrontPage}
	placed, err := h.Articles.ByIDs(ctx, ids)
	if err != nil {
		return err
	}
	for _, id := range ids { // ByIDs does not keep the order
		for _, a := range placed {
			if a.ID == id {
				p.Placed = append(p.Placed, a)
			}
		}
	}
	latest, err := h.Articles.Latest(ctx, pickCount)
	if err != nil {
		return err
	}
	for _, a := range latest {
		if !slices.Contains(ids, a.ID) {
			p.Pick = append(p.Pick, a)
		}
	}
	return h.render(c, http.StatusOK, p)
}

// FrontUpdate changes the front page: add a story, move one up or
// down, make one the lead, or take one off. Every change is a plain form
// post, so the screen works without JavaScript.
func (h *Handler) FrontUpdate(c echo.Context) error {
	ctx := c.Request().Context()
	ids, err := h.Articles.FrontPageIDs(ctx)
	if err != nil {
		return err
	}
	id, _ := strconv.ParseInt(c.FormValue("article"), 10, 64)
	i := slices.Index(ids, id)
	switch action := c.FormValue("action"); {
	case action == "add" && i < 0 && id > 0:
		if len(ids) >= models.MaxFrontPage {
			h.addFlash(c, "The front page is full: take a story off first.")
			return c.Redirect(http.StatusSeeOther, "/admin/front")
		}
		ids = append(ids, id)
	case i < 0:
		return echo.NewHTTPError(http.StatusUnprocessableEntity, "That story is not on the front page.")
	case action == "up" && i > 0:
		ids[i-1], ids[i] = ids[i], ids[i-1]
	case action == "down" && i < len(ids)-1:
		ids[i+1], ids[i] = ids[i], ids[i+1]
	case action == "lead":
		ids = append([]int64{id}, slices.Delete(ids, i, i+1)...)
	case action == "remove":
		ids = slices.Delete(ids, i, i+1)
	}
	err = h.Articles.SetFrontPage(ctx, ids)
	if errors.Is(err, models.ErrNotFound) {
		return echo.NewHTTPError(http.StatusUnprocessableEntity, "That story no longer exists.")
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/admin/front")
}
