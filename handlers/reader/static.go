package reader

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// StaticFile serves the embedded CSS and images at their fingerprinted
// URLs; browsers may keep them forever because a change gets a new URL.
func (h *Handler) StaticFile(c echo.Context) error {
	a, ok := h.Assets.Lookup(c.Request().URL.Path)
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	hdr := c.Response().Header()
	hdr.Set("Cache-Control", "public, max-age=31536000, immutable")
	hdr.Set("ETag", a.ETag)
	if c.Request().Header.Get("If-None-Match") == a.ETag {
		return c.NoContent(http.StatusNotModified)
	}
	return c.Blob(http.StatusOK, a.ContentType, a.Body)
}
