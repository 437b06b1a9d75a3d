package kit

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/pagecache"
	"github.com/newsroom/news/models"
)

// MediaFile reads the :id and :file of a picture's address
// (/media/12/640.jpg): the image's id, the width and the extension. ok is
// false for anything that is not such an address.
func MediaFile(c echo.Context) (id int64, width int, ext string, ok bool) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 || c.Param("id") != strconv.FormatInt(id, 10) {
		return 0, 0, "", false
	}
	name, ext, found := strings.Cut(c.Param("file"), ".")
	width, err = strconv.Atoi(name)
	if !found || err != nil || !models.ValidWidth(width) || name != strconv.Itoa(width) {
		return 0, 0, "", false
	}
	return id, width, ext, true
}

// ServeRendition answers with m's copy at width, cached as cacheControl
// says, with its ETag (304 when the client has it). A copy that cannot be
// made now is no-store; one refused because too many wait is 503.
func ServeRendition(c echo.Context, r *models.Renditions, m models.Media, width int, cacheControl string) error {
	hd := c.Response().Header()
	etag := models.ETag(m, width)
	hd.Set("Cache-Control", cacheControl)
	hd.Set("ETag", etag)
	if pagecache.ETagMatches(c.Request().Header.Get("If-None-Match"), etag) {
		return c.NoContent(http.StatusNotModified)
	}
	rd, err := r.Get(c.Request().Context(), m, width)
	if err != nil {
		hd.Del("ETag")
		hd.Set("Cache-Control", "no-store")
		if errors.Is(err, models.ErrBusy) {
			hd.Set("Retry-After", "5")
			return echo.NewHTTPError(http.StatusServiceUnavailable, "This picture is being prepared. Please try again in a moment.")
		}
		return err
	}
	return c.Blob(http.StatusOK, rd.Type, rd.Data)
}
