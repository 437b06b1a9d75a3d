package reader

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// immutable is the caching of image copies: their address changes whenever
// their bytes could (an id is never reused), so caches may keep them a year.
const immutable = "public, max-age=31536000, immutable"

// MediaShow serves a resized copy of a library image at
// /media/:id/:width.(jpg|png), once the picture is public (something
// published uses it, or an editor marked it): until then it answers 404
// with no-store, so no cache keeps the refusal past publication. The copy
// is made at upload (or on first request) and cached in memory; the
// original's bytes are never served.
func (h *Handler) MediaShow(c echo.Context) error {
	id, width, ext, ok := kit.MediaFile(c)
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	ctx := c.Request().Context()
	m, err := h.Media.Get(ctx, id)
	if err != nil {
		return kit.NotFoundIf(err)
	}
	public, err := h.Media.IsPublic(ctx, id)
	if err != nil {
		return err
	}
	if !public || ext != m.Ext() {
		c.Response().Header().Set("Cache-Control", "no-store")
		return echo.NewHTTPError(http.StatusNotFound)
	}
	return kit.ServeRendition(c, h.Renditions, m, width, immutable)
}

// withLeads sets the lead image of each article in list that has one.
func (h *Handler) withLeads(ctx context.Context, list []models.Article) error {
	leads, err := h.Media.LeadsFor(ctx, articleIDs(list))
	if err != nil {
		return err
	}
	for i := range list {
		if m, ok := leads[list[i].ID]; ok {
			list[i].Lead = &m
		}
	}
	return nil
}
