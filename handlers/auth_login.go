package handlers

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// authRoutes adds sign-in, sign-out, setup and the admin pages for
// settings, people, profile, audit log and the dashboard.
func (h *Handler) authRoutes(e *echo.Echo, admin *echo.Group) {
	small := limitBody(64 << 10)
	e.GET("/admin/login", h.loginShow, noStore)
	e.POST("/admin/login", h.loginSubmit, noStore, h.sameOrigin, small)
	e.GET("/admin/setup", h.setupShow, noStore)
	e.POST("/admin/setup", h.setupSubmit, noStore, h.sameOrigin, small)
	admin.POST("/logout", h.logout, small)
	admin.GET("", h.adminDashboard)
	admin.GET("/", h.adminDashboard)

	admin.GET("/profile", h.adminProfileShow)
	admin.POST("/profile", h.adminProfileUpdate, small)
	admin.POST("/profile/password", h.adminPasswordUpdate, small)

	onlyAdmin := requireRole(models.RoleAdmin)
	admin.GET("/settings", h.adminSettingsShow, onlyAdmin)
	admin.POST("/settings", h.adminSettingsUpdate, onlyAdmin, small)
	admin.GET("/people", h.adminPeopleShow, onlyAdmin)
	admin.POST("/people", h.adminPersonCreate, onlyAdmin, small)
	admin.POST("/people/:id/role", h.adminPersonRole, onlyAdmin, small)
	admin.POST("/people/:id/disable", h.adminPersonDisable, onlyAdmin, small)
	admin.POST("/people/:id/enable", h.adminPersonEnable, onlyAdmin, small)
	admin.POST("/people/:id/password", h.adminPersonPassword, onlyAdmin, small)
	admin.GET("/audit", h.adminAuditShow, onlyAdmin)
}

// AdminLoginPage is the sign-in form.
type AdminLoginPage struct {
	AdminLayout
	Form  LoginForm
	Error string
}

func (AdminLoginPage) template() string { return views.PageAdminLogin }

func (h *Handler) loginPage(c echo.Context, status int, f LoginForm, msg string) error {
	l, err := h.adminLayout(c, "Sign in", "")
	if err != nil {
		return err
	}
	f.Password = ""
	f.Next = localNext(f.Next)
	return h.render(c, status, AdminLoginPage{AdminLayout: l, Form: f, Error: msg})
}

func (h *Handler) loginShow(c echo.Context) error {
	next := localNext(c.QueryParam("next"))
	if _, ok, _ := h.sessionUser(c); ok {
		return c.Redirect(http.StatusSeeOther, next)
	}
	return h.loginPage(c, http.StatusOK, LoginForm{Next: next}, "")
}

// msgBadLogin is the one answer to a wrong email and a wrong password, so
// the form does not tell who has an account.
const msgBadLogin = "That email and password don't match an account. Check both and try again."

func (h *Handler) loginSubmit(c echo.Context) error {
	var f LoginForm
	if err := c.Bind(&f); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	f.Email = strings.TrimSpace(f.Email)
	if f.Email == "" || f.Password == "" {
		return h.loginPage(c, http.StatusUnprocessableEntity, f, "Please enter your email and your password.")
	}
	ip := limitKey(c.RealIP())
	if ok, wait := h.auth.limiter.attempt(f.Email, ip); !ok {
		mins := int(math.Ceil(wait.Minutes()))
		h.Logger.Warn("sign-in refused: too many failures", "id", requestID(c), "email", f.Email, "ip", c.RealIP(), "retry_after_min", mins)
		c.Response().Header().Set("Retry-After", fmt.Sprint(int(math.Ceil(wait.Seconds()))))
		return h.loginPage(c, http.StatusTooManyRequests, f, fmt.Sprintf(
			"Too many failed sign-in attempts. For your security, please wait %d minute%s and try again.", mins, plural(mins)))
	}
	u, err := h.authenticate(c, f.Email, f.Password)
	if errors.Is(err, models.ErrBadCredentials) {
		h.Logger.Info("sign-in failed", "id", requestID(c), "email", f.Email, "ip", c.RealIP())
		return h.loginPage(c, http.StatusUnprocessableEntity, f, msgBadLogin)
	}
	if err != nil {
		return err
	}
	h.auth.limiter.succeed(f.Email, ip)
	h.startSession(c, u)
	h.auditAs(c, u, "sign-in", "")
	return c.Redirect(http.StatusSeeOther, localNext(f.Next))
}

// authenticate checks a password, waiting for a free slot first.
func (h *Handler) authenticate(c echo.Context, email, password string) (models.User, error) {
	ctx := c.Request().Context()
	select {
	case h.auth.checks <- struct{}{}:
		defer func() { <-h.auth.checks }()
	case <-ctx.Done():
		return models.User{}, ctx.Err()
	}
	return h.Users.Authenticate(ctx, email, password)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func (h *Handler) logout(c echo.Context) error {
	h.audit(c, "sign-out", "")
	h.endSession(c, "You have signed out.")
	return c.Redirect(http.StatusSeeOther, "/admin/login")
}

// limitBody refuses request bodies over n bytes with 413 and the "too
// large" page. A body sent without a length (chunked) is read here, up to
// n, so that one past the limit gets the same answer instead of failing
// to parse later.
func limitBody(n int64) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			if req.ContentLength > n {
				return echo.NewHTTPError(http.StatusRequestEntityTooLarge)
			}
			if req.ContentLength < 0 {
				b, err := io.ReadAll(io.LimitReader(req.Body, n+1))
				if err != nil {
					return echo.NewHTTPError(http.StatusBadRequest)
				}
				if int64(len(b)) > n {
					return echo.NewHTTPError(http.StatusRequestEntityTooLarge)
				}
				req.Body, req.ContentLength = io.NopCloser(bytes.NewReader(b)), int64(len(b))
			}
			req.Body = http.MaxBytesReader(c.Response(), req.Body, n)
			return next(c)
		}
	}
}
