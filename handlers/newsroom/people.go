package newsroom

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// AdminPeoplePage lists the newsroom's users and the form to add one.
type AdminPeoplePage struct {
	Layout
	People []models.AccountUser
	Roles  []string
	Form   PersonForm
}

func (AdminPeoplePage) Template() string { return "admin_people" }

func (h *Handler) peoplePage(c echo.Context, status int, f PersonForm) error {
	l, err := h.layout(c, "People", "people")
	if err != nil {
		return err
	}
	people, err := h.Users.All(c.Request().Context())
	if err != nil {
		return err
	}
	f.Password = ""
	return h.render(c, status, AdminPeoplePage{Layout: l, People: people, Roles: models.Roles, Form: f})
}

func (h *Handler) PeopleShow(c echo.Context) error {
	return h.peoplePage(c, http.StatusOK, PersonForm{Role: models.RoleAuthor})
}

func (h *Handler) PersonCreate(c echo.Context) error {
	var f PersonForm
	if err := c.Bind(&f); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	fe := fieldErrors{}
	email, ok := models.NormalizeEmail(f.Email)
	if !ok {
		fe.add("email", "Please enter an email address such as name@example.com.")
	}
	f.Email = email
	f.Name = checkName(fe, "name", f.Name)
	if !models.ValidRole(f.Role) {
		fe.add("role", "Please choose a role.")
	}
	checkNewPassword(fe, "password", f.Password, f.Password)
	if len(fe) == 0 {
		u, err := h.Users.CreateAccount(c.Request().Context(), models.UserInput{Email: f.Email, Name: f.Name, Role: f.Role}, f.Password)
		switch {
		case errors.Is(err, models.ErrEmailTaken):
			fe.add("email", "Someone already has this email address.")
		case err != nil:
			return err
		default:
			h.audit(c, "user.add", "added "+u.Name+" <"+u.Email+"> as "+article(u.Role))
			h.addFlash(c, u.Name+" can now sign in as "+u.Role+". Give them their password in person or by phone, not by email.")
			return c.Redirect(http.StatusSeeOther, "/admin/people")
		}
	}
	f.FieldErrors = fe
	return h.peoplePage(c, http.StatusUnprocessableEntity, f)
}

// person loads the user named by the :id parameter.
func (h *Handler) person(c echo.Context) (models.User, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return models.User{}, echo.NewHTTPError(http.StatusNotFound)
	}
	u, err := h.Users.ByID(c.Request().Context(), id)
	if errors.Is(err, models.ErrNotFound) {
		return u, echo.NewHTTPError(http.StatusNotFound)
	}
	return u, err
}

func (h *Handler) PersonRole(c echo.Context) error {
	u, err := h.person(c)
	if err != nil {
		return err
	}
	role := c.FormValue("role")
	if !models.ValidRole(role) {
		h.addFlash(c, "Please choose a role for "+u.Name+".")
		return c.Redirect(http.StatusSeeOther, "/admin/people")
	}
	if role == u.Role {
		return c.Redirect(http.StatusSeeOther, "/admin/people")
	}
	err = h.Users.SetRole(c.Request().Context(), u.ID, role)
	if errors.Is(err, models.ErrLastAdmin) {
		h.addFlash(c, u.Name+" is the only admin; make someone else an admin first.")
		return c.Redirect(http.StatusSeeOther, "/admin/people")
	}
	if err != nil {
		return err
	}
	// Taking rights away signs the person out everywhere, so no session
	// opened with the old role lives on; new rights apply at once.
	msg := u.Name + " is now " + role + "."
	if roleRank(role) < roleRank(u.Role) {
		if err := h.endSessionsOf(c, u.ID); err != nil {
			return err
		}
		msg = u.Name + " is now " + role + " and is signed out everywhere."
	}
	h.audit(c, "user.role", "made "+u.Name+" <"+u.Email+"> "+article(role)+" (was "+article(u.Role)+")")
	h.addFlash(c, msg)
	return c.Redirect(http.StatusSeeOther, "/admin/people")
}

func (h *Handler) PersonDisable(c echo.Context) error { return h.setDisabled(c, true) }
func (h *Handler) PersonEnable(c echo.Context) error  { return h.setDisabled(c, false) }

func (h *Handler) setDisabled(c echo.Context, disabled bool) error {
	u, err := h.person(c)
	if err != nil {
		return err
	}
	if disabled && u.ID == currentUser(c).ID {
		h.addFlash(c, "You can't disable your own account.")
		return c.Redirect(http.StatusSeeOther, "/admin/people")
	}
	err = h.Users.SetDisabled(c.Request().Context(), u.ID, disabled)
	if errors.Is(err, models.ErrLastAdmin) {
		h.addFlash(c, u.Name+" is the only admin; make someone else an admin first.")
		return c.Redirect(http.StatusSeeOther, "/admin/people")
	}
	if err != nil {
		return err
	}
	if disabled {
		if err := h.endSessionsOf(c, u.ID); err != nil {
			return err
		}
		h.audit(c, "user.disable", "turned off the account of "+u.Name+" <"+u.Email+"> and ended their sessions")
		h.addFlash(c, u.Name+" is disabled and signed out everywhere.")
	} else {
		h.audit(c, "user.enable", "turned the account of "+u.Name+" <"+u.Email+"> back on")
		h.addFlash(c, u.Name+" can sign in again.")
	}
	return c.Redirect(http.StatusSeeOther, "/admin/people")
}

// PersonPassword sets a new password for someone who forgot theirs,
// or lets a byline-only author sign in.
func (h *Handler) PersonPassword(c echo.Context) error {
	u, err := h.person(c)
	if err != nil {
		return err
	}
	fe := fieldErrors{}
	pw := c.FormValue("password")
	checkNewPassword(fe, "password", pw, pw)
	if msg, bad := fe["password"]; bad {
		h.addFlash(c, "The password for "+u.Name+" was not changed: "+msg)
		return c.Redirect(http.StatusSeeOther, "/admin/people")
	}
	if err := h.Users.SetPassword(c.Request().Context(), u.ID, pw); err != nil {
		return err
	}
	if err := h.endSessionsOf(c, u.ID); err != nil {
		return err
	}
	h.audit(c, "user.password", "set a new password for "+u.Name+" <"+u.Email+">")
	h.addFlash(c, u.Name+" has a new password and is signed out everywhere. Give it to them in person or by phone, not by email.")
	return c.Redirect(http.StatusSeeOther, "/admin/people")
}

// PersonSignOut ends every session of someone, as when a laptop is lost.
func (h *Handler) PersonSignOut(c echo.Context) error {
	u, err := h.person(c)
	if err != nil {
		return err
	}
	if err := h.endSessionsOf(c, u.ID); err != nil {
		return err
	}
	h.audit(c, "user.sign-out", "signed "+u.Name+" <"+u.Email+"> out everywhere")
	h.addFlash(c, u.Name+" is signed out everywhere.")
	return c.Redirect(http.StatusSeeOther, "/admin/people")
}

// endSessionsOf ends every session of user id but the one this request
// is made in: the admin who changes their own role stays signed in.
func (h *Handler) endSessionsOf(c echo.Context, id int64) error {
	keep := ""
	if id == currentUser(c).ID {
		keep = h.sessionToken(c)
	}
	_, err := h.Sessions.EndAll(c.Request().Context(), id, keep)
	return err
}

// roleRank orders the roles by what they may do.
func roleRank(role string) int {
	switch role {
	case models.RoleAdmin:
		return 3
	case models.RoleEditor:
		return 2
	}
	return 1
}
