package newsroom

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// AdminLoginPage is the sign-in form.
type AdminLoginPage struct {
	Layout
	Form  LoginForm
	Error string
}

func (AdminLoginPage) Template() string { return "admin_login" }

func (h *Handler) loginPage(c echo.Context, status int, f LoginForm, msg string) error {
	l, err := h.layout(c, "Sign in", "")
	if err != nil {
		return err
	}
	f.Password = ""
	f.Next = localNext(f.Next)
	return h.render(c, status, AdminLoginPage{Layout: l, Form: f, Error: msg})
}

func (h *Handler) LoginShow(c echo.Context) error {
	next := localNext(c.QueryParam("next"))
	if _, ok, _ := h.sessionUser(c); ok {
		return c.Redirect(http.StatusSeeOther, next)
	}
	return h.loginPage(c, http.StatusOK, LoginForm{Next: next}, "")
}

// MsgBadLogin is the one answer to a wrong email and a wrong password, so
// the form does not tell who has an account.
const MsgBadLogin = "That email and password don't match an account. Check both and try again."

func (h *Handler) LoginSubmit(c echo.Context) error {
	var f LoginForm
	if err := c.Bind(&f); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	f.Email = strings.TrimSpace(f.Email)
	if f.Email == "" || f.Password == "" {
		return h.loginPage(c, http.StatusUnprocessableEntity, f, "Please enter your email and your password.")
	}
	ip := c.RealIP()
	if ok, wait := h.auth.limiter.attempt(f.Email, ip); !ok {
		mins := int(math.Ceil(wait.Minutes()))
		h.Logger.Warn("sign-in refused: too many failures", "id", kit.RequestID(c), "email", f.Email, "ip", ip, "retry_after_min", mins)
		c.Response().Header().Set("Retry-After", fmt.Sprint(int(math.Ceil(wait.Seconds()))))
		return h.loginPage(c, http.StatusTooManyRequests, f, fmt.Sprintf(
			"Too many failed sign-in attempts. For your security, please wait %d minute%s and try again.", mins, plural(mins)))
	}
	u, err := h.authenticate(c, f.Email, f.Password)
	if errors.Is(err, models.ErrBadCredentials) {
		h.Logger.Info("sign-in failed", "id", kit.RequestID(c), "email", f.Email, "ip", ip)
		return h.loginPage(c, http.StatusUnprocessableEntity, f, MsgBadLogin)
	}
	if err != nil {
		return err
	}
	h.auth.limiter.succeed(f.Email, ip)
	h.startSession(c, u)
	h.auditAs(c, u, "sign-in", "signed in")
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

func (h *Handler) Logout(c echo.Context) error {
	h.audit(c, "sign-out", "signed out")
	h.endSession(c, "You have signed out.")
	return c.Redirect(http.StatusSeeOther, "/admin/login")
}
