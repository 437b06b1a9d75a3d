package newsroom

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// AdminSetupPage creates the first admin from a one-time link.
type AdminSetupPage struct {
	Layout
	Form  SetupForm
	Valid bool // the link can still be used
}

func (AdminSetupPage) Template() string { return "admin_setup" }

func (h *Handler) setupPage(c echo.Context, status int, f SetupForm, valid bool) error {
	l, err := h.layout(c, "Set up the newsroom", "")
	if err != nil {
		return err
	}
	f.Password, f.Confirm = "", ""
	return h.render(c, status, AdminSetupPage{Layout: l, Form: f, Valid: valid})
}

func (h *Handler) SetupShow(c echo.Context) error {
	f := SetupForm{Token: c.QueryParam("token")}
	err := h.Setup.Check(c.Request().Context(), f.Token)
	if errors.Is(err, models.ErrSetupLink) {
		return h.setupPage(c, http.StatusNotFound, f, false)
	}
	if err != nil {
		return err
	}
	return h.setupPage(c, http.StatusOK, f, true)
}

func (h *Handler) SetupSubmit(c echo.Context) error {
	var f SetupForm
	if err := c.Bind(&f); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	ctx := c.Request().Context()
	if err := h.Setup.Check(ctx, f.Token); errors.Is(err, models.ErrSetupLink) {
		return h.setupPage(c, http.StatusNotFound, f, false)
	} else if err != nil {
		return err
	}
	fe := fieldErrors{}
	email, ok := models.NormalizeEmail(f.Email)
	if !ok {
		fe.add("email", "Please enter an email address such as name@example.com.")
	}
	f.Email = email
	f.Name = checkName(fe, "name", f.Name)
	checkNewPassword(fe, "password", f.Password, f.Confirm)
	if len(fe) > 0 {
		f.FieldErrors = fe
		return h.setupPage(c, http.StatusUnprocessableEntity, f, true)
	}
	u, err := h.Setup.Complete(ctx, f.Token, models.UserInput{Email: f.Email, Name: f.Name}, f.Password)
	if errors.Is(err, models.ErrSetupLink) {
		return h.setupPage(c, http.StatusNotFound, f, false)
	}
	if err != nil {
		return err
	}
	if err := h.startSession(c, u); err != nil {
		return err
	}
	h.auditAs(c, u, "setup", "set up the site and its first admin account, "+u.Email)
	h.addFlash(c, "Welcome, "+u.Name+". Your admin account is ready.")
	return c.Redirect(http.StatusSeeOther, "/admin")
}

// checkNewPassword validates a new password and its confirmation.
func checkNewPassword(fe fieldErrors, field, pw, confirm string) {
	switch err := models.CheckPassword(pw); {
	case errors.Is(err, models.ErrWeakPassword):
		fe.add(field, "Please choose a password of at least 10 characters.")
	case errors.Is(err, models.ErrPasswordTooLong):
		fe.add(field, "Please choose a password of at most 72 bytes.")
	case pw != confirm:
		fe.add("confirm", "The two passwords are not the same.")
	}
}
