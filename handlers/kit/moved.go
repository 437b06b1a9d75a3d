package kit

import "github.com/labstack/echo/v4"

// Moved is an error that answers a request with a 301 to another address
// of the same page (a malformed ?page= to the first page); the site's
// error handler sends it.
type Moved struct{ To string }

func (e Moved) Error() string { return "kit: moved to " + e.To }

// FirstPage is the address of the request without its ?page=.
func FirstPage(c echo.Context) string {
	u := *c.Request().URL
	q := u.Query()
	q.Del("page")
	u.RawQuery = q.Encode()
	return u.RequestURI()
}
