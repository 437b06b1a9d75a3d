package reader

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// CorrectionsPage lists every correction at /corrections.
type CorrectionsPage struct {
	Layout
	Corrections []models.Correction
	Pager       models.Pager
	BaseURL     string
}

func (CorrectionsPage) Template() string { return "corrections" }

// CorrectionsShow lists the corrections to live articles, newest first.
func (h *Handler) CorrectionsShow(c echo.Context) error {
	n, err := kit.PageParam(c)
	if err != nil {
		return err
	}
	list, pager, err := h.Articles.AllCorrections(c.Request().Context(), n)
	if err != nil {
		return err
	}
	if len(list) == 0 && n > 1 {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	l, err := h.layout(c, "Corrections")
	if err != nil {
		return err
	}
	l.Canonical = views.PageURL("/corrections", n)
	l.Description = "Corrections to articles published on " + l.Site.SiteName + "."
	for i := range list {
		list[i].CreatedAt = list[i].CreatedAt.In(l.zone())
	}
	return h.render(c, http.StatusOK, CorrectionsPage{Layout: l, Corrections: list, Pager: pager, BaseURL: "/corrections"})
}
