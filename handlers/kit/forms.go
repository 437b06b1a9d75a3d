package kit

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
)

// BindForm binds a posted form into f; a body too large or malformed is
// answered as such.
func BindForm(c echo.Context, f any) error {
	if err := c.Bind(f); err != nil {
		if _, err := c.FormParams(); err != nil && strings.Contains(err.Error(), "too large") {
			return echo.NewHTTPError(http.StatusRequestEntityTooLarge)
		}
		return echo.NewHTTPError(http.StatusBadRequest, "That form could not be read.")
	}
	return nil
}

// IDParam reads a numeric path parameter; anything else is a 404.
func IDParam(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id < 1 {
		return 0, echo.NewHTTPError(http.StatusNotFound)
	}
	return id, nil
}

// MaxBulk bounds how many items one bulk action may name.
const MaxBulk = 500

// FormIDs reads the ids ticked in a list (repeated "id" fields); ids that
// are not numbers are ignored.
func FormIDs(c echo.Context) []int64 {
	form, err := c.FormParams()
	if err != nil {
		return nil
	}
	var out []int64
	seen := map[int64]bool{}
	for _, v := range form["id"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id < 1 || seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, id)
		if len(out) == MaxBulk {
			break
		}
	}
	return out
}
