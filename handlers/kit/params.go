package kit

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// SlugParam returns a path parameter that must be a slug; anything else
// (too long, odd characters, junk encodings) is a 404 without a query.
func SlugParam(c echo.Context, name string) (string, error) {
	s := c.Param(name)
	if !models.ValidSlug(s) {
		return "", echo.NewHTTPError(http.StatusNotFound)
	}
	return s, nil
}

// PageParam reads ?page=; anything but a page number sends the reader to
// the first page of the list (see Moved).
func PageParam(c echo.Context) (int, error) {
	n, err := models.ParsePage(c.QueryParam("page"))
	if err != nil {
		return 0, Moved{To: FirstPage(c)}
	}
	return n, nil
}

// NotFoundIf turns models.ErrNotFound into a 404 and passes other errors on.
func NotFoundIf(err error) error {
	if err == models.ErrNotFound {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	return err
}
