package newsroom

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strings"
	"time"

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
	if _, _, ok, _ := h.sessionUser(c); ok {
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
	ip := kit.LimitKey(c.RealIP())
	if ok, wait := h.auth.limiter.attempt(f.Email, ip); !ok {
		mins := int(math.Ceil(wait.Minutes()))
		h.Logger.Warn("sign-in refused: too many failures", "id", kit.RequestID(c), "email", f.Email, "ip", c.RealIP(), "retry_after_min", mins)
		c.Response().Header().Set("Retry-After", fmt.Sprint(int(math.Ceil(wait.Seconds()))))
		return h.loginPage(c, http.StatusTooManyRequests, f, fmt.Sprintf(
			"Too many failed sign-in attempts. For your security, please wait %d minute%s and try again.", mins, plural(mins)))
	}
	u, err := h.authenticate(c, f.Email, f.Password)
	if errors.Is(err, models.ErrBadCredentials) {
		h.Logger.Info("sign-in failed", "id", kit.RequestID(c), "email", f.Email, "ip", c.RealIP())
		return h.loginPage(c, http.StatusUnprocessableEntity, f, MsgBadLogin)
	}
	if err != nil {
		return err
	}
	h.auth.limiter.succeed(f.Email, ip)
	if err := h.startSession(c, u); err != nil {
		return err
	}
	h.auditAs(c, u, "sign-in", "signed in")
	return c.Redirect(http.StatusSeeOther, localNext(f.Next))
}

// authenticate checks a password, waiting for a free slot first.
func (h *Handler) authenticate(c echo.Context, email, password string) (models.User, error) {
	ctx := c.Request().Context()
	if err := h.passwordSlot(ctx); err != nil {
		return models.User{}, err
	}
	defer func() { <-h.auth.checks }()
	return h.Users.Authenticate(ctx, email, password)
}

// passwordSlot waits for one of the few places a bcrypt check may run in,
// for sign-in and the profile's current-password check alike; the caller
// frees it by receiving from h.auth.checks.
func (h *Handler) passwordSlot(ctx context.Context) error {
	select {
	case h.auth.checks <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// checkCurrentPassword checks the password u typed to confirm a change,
// limited as sign-in is: counted against u's account and the client's
// address, inside the same few bcrypt slots. wait > 0 means too many
// failures, and nothing was checked.
func (h *Handler) checkCurrentPassword(c echo.Context, u models.User, password string) (ok bool, wait time.Duration, err error) {
	ip := kit.LimitKey(c.RealIP())
	if allowed, wait := h.auth.limiter.attempt(u.Email, ip); !allowed {
		return false, wait, nil
	}
	ctx := c.Request().Context()
	if err := h.passwordSlot(ctx); err != nil {
		return false, 0, err
	}
	defer func() { <-h.auth.checks }()
	ok, err = h.Users.CheckUserPassword(ctx, u.ID, password)
	if ok {
		h.auth.limiter.succeed(u.Email, ip)
	}
	return ok, 0, err
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
