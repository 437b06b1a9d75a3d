package reader

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/handlers/pagecache"
	"github.com/newsroom/news/models"
)

// immutable is the caching of image copies: their address changes whenever
// their bytes could (an id is never reused), so caches may keep them a year.
const immutable = "public, max-age=31536000, immutable"

// MediaShow serves a resized copy of a library image at
// /media/:id/:width.(jpg|png). The copy is made on first request and cached
// in memory; the original's bytes are never served.
func (h *Handler) MediaShow(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 || c.Param("id") != strconv.FormatInt(id, 10) {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	name, ext, ok := strings.Cut(c.Param("file"), ".")
	width, err := strconv.Atoi(name)
	if !ok || err != nil || !models.ValidWidth(width) || name != strconv.Itoa(width) {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	m, err := h.Media.Get(c.Request().Context(), id)
	if err != nil {
		return kit.NotFoundIf(err)
	}
	if ext != m.Ext() {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	hd := c.Response().Header()
	etag := models.ETag(m, width)
	hd.Set("Cache-Control", immutable)
	hd.Set("ETag", etag)
	if pagecache.ETagMatches(c.Request().Header.Get("If-None-Match"), etag) {
		return c.NoContent(http.StatusNotModified)
	}
	r, err := h.Renditions.Get(c.Request().Context(), m, width)
	if err != nil {
		hd.Del("Cache-Control")
		hd.Del("ETag")
		return err
	}
	return c.Blob(http.StatusOK, r.Type, r.Data)
}

// withLeads sets the lead image of each article in list that has one.
func (h *Handler) withLeads(ctx context.Context, list []models.Article) error {
	ids := make([]int64, len(list))
	for i, a := range list {
		ids[i] = a.ID
	}
	leads, err := h.Media.LeadsFor(ctx, ids)
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
