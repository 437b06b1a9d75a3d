package handlers

// Stand-ins for the admin contract until the sign-in work is merged; this
// file is deleted then. Outside tests every /admin request is sent to the
// login page; in tests the signed-in user comes from the X-Stub-User header.

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// AdminLayout is what every /admin page shows around its content.
type AdminLayout struct {
	Title   string
	User    models.User
	Flashes []string
	Site    models.Settings
	Nav     string
}

// adminLayout loads the signed-in user's chrome (and consumes flashes).
func (h *Handler) adminLayout(c echo.Context, title, nav string) (AdminLayout, error) {
	st, err := h.Settings.Get(c.Request().Context())
	if err != nil {
		return AdminLayout{}, err
	}
	return AdminLayout{Title: title, User: currentUser(c), Site: st, Nav: nav}, nil
}

const stubUserKey = "stub_user"

// adminGroup returns the /admin group.
func (h *Handler) adminGroup(e *echo.Echo) *echo.Group {
	cop := http.NewCrossOriginProtection()
	return e.Group("/admin", echo.WrapMiddleware(cop.Handler), func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			c.Response().Header().Set("Cache-Control", "no-store")
			u, ok := stubUser(c.Request().Header.Get("X-Stub-User"))
			if !ok || !testing.Testing() {
				return c.Redirect(http.StatusSeeOther, "/admin/login?next="+url.QueryEscape(c.Request().URL.Path))
			}
			c.Set(stubUserKey, u)
			return next(c)
		}
	})
}

func stubUser(v string) (models.User, bool) {
	parts := strings.SplitN(v, "|", 3)
	if len(parts) != 3 {
		return models.User{}, false
	}
	id, err := strconv.ParseInt(parts[0], 10, 64)
	return models.User{ID: id, Role: parts[1], Name: parts[2]}, err == nil
}

// currentUser returns the signed-in user inside the admin group.
func currentUser(c echo.Context) models.User {
	u, _ := c.Get(stubUserKey).(models.User)
	return u
}

// requireRole answers 403 unless the signed-in user has one of roles.
func requireRole(roles ...string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if !slices.Contains(roles, currentUser(c).Role) {
				return echo.NewHTTPError(http.StatusForbidden)
			}
			return next(c)
		}
	}
}

// addFlash queues a message for the next admin page.
func (h *Handler) addFlash(c echo.Context, msg string) {}

// audit records an action in the audit log.
func (h *Handler) audit(c echo.Context, action, detail string) {}
