package newsroom

import (
	"fmt"
	"math"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
)

// AdminProfilePage is where every user changes what readers see of them
// (name, job title, bio, photo) and their password.
type AdminProfilePage struct {
	Layout
	Profile  ProfileFields
	Password PasswordForm
	// Sessions are where the user is signed in, this browser marked.
	Sessions []SessionItem
}

func (AdminProfilePage) Template() string { return "admin_profile" }

func (h *Handler) profilePage(c echo.Context, status int, pf ProfileForm, pw PasswordForm) error {
	l, err := h.layout(c, "Your profile", "profile")
	if err != nil {
		return err
	}
	fields, err := h.profileFields(c.Request().Context(), pf, "/admin/profile", pictureViewer(currentUser(c)))
	if err != nil {
		return err
	}
	pw.Current, pw.New, pw.Confirm = "", "", ""
	sessions, err := h.sessionItems(c)
	if err != nil {
		return err
	}
	return h.render(c, status, AdminProfilePage{Layout: l, Profile: fields, Password: pw, Sessions: sessions})
}

// ProfileShow shows the signed-in user's profile.
func (h *Handler) ProfileShow(c echo.Context) error {
	return h.profilePage(c, http.StatusOK, newProfileForm(currentUser(c)), PasswordForm{})
}

// ProfileUpdate saves the signed-in user's name, job title, bio and photo.
func (h *Handler) ProfileUpdate(c echo.Context) error {
	var f ProfileForm
	if err := kit.BindForm(c, &f); err != nil {
		return err
	}
	u := currentUser(c)
	status, err := h.saveProfile(c, u, &f)
	if err != nil {
		return err
	}
	if status != http.StatusSeeOther {
		return h.profilePage(c, status, f, PasswordForm{})
	}
	h.audit(c, "user.profile", "changed their profile: "+profileChanges(u, f))
	h.addFlash(c, "Your profile is saved.")
	return c.Redirect(http.StatusSeeOther, "/admin/profile")
}

func (h *Handler) PasswordUpdate(c echo.Context) error {
	var f PasswordForm
	if err := c.Bind(&f); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	u := currentUser(c)
	fe := fieldErrors{}
	ok, wait, err := h.checkCurrentPassword(c, u, f.Current)
	if err != nil {
		return err
	}
	if wait > 0 {
		mins := int(math.Ceil(wait.Minutes()))
		c.Response().Header().Set("Retry-After", fmt.Sprint(int(math.Ceil(wait.Seconds()))))
		fe.add("current", fmt.Sprintf("Too many wrong passwords. For your security, please wait %d minute%s and try again.", mins, plural(mins)))
		f.FieldErrors = fe
		return h.profilePage(c, http.StatusTooManyRequests, ProfileForm{Name: u.Name}, f)
	}
	if !ok {
		fe.add("current", "That is not your current password.")
	}
	checkNewPassword(fe, "new", f.New, f.Confirm)
	if len(fe) > 0 {
		f.FieldErrors = fe
		return h.profilePage(c, http.StatusUnprocessableEntity, newProfileForm(u), f)
	}
	if err := h.Users.SetPassword(c.Request().Context(), u.ID, f.New); err != nil {
		return err
	}
	if _, err := h.Sessions.EndAll(c.Request().Context(), u.ID, h.sessionToken(c)); err != nil {
		return err
	}
	h.audit(c, "user.password", "changed their password")
	h.addFlash(c, "Your password is changed, and you are signed out everywhere else.")
	return c.Redirect(http.StatusSeeOther, "/admin/profile")
}
