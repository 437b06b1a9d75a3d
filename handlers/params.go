package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// slugParam returns a path parameter that must be a slug; anything else
// (too long, odd characters, junk encodings) is a 404 without a query.
func slugParam(c echo.Context, name string) (string, error) {
	s := c.Param(name)
	if !models.ValidSlug(s) {
		return "", echo.NewHTTPError(http.StatusNotFound)
	}
	return s, nil
}

// pageParam reads ?page=; anything but a page number sends the reader to
// the first page of the list.
func pageParam(c echo.Context) (int, error) {
	n, err := models.ParsePage(c.QueryParam("page"))
	if err != nil {
		return 0, movedError{firstPage(c)}
	}
	return n, nil
}

// notFoundIf turns models.ErrNotFound into a 404 and passes other errors on.
func notFoundIf(err error) error {
	if err == models.ErrNotFound {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	return err
}
