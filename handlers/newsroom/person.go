package newsroom

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// AdminPersonPage is where an admin changes what readers see of one
// person: name, job title, bio and photo.
type AdminPersonPage struct {
	Layout
	Person  models.User
	Profile ProfileFields
}

// Template names the page's template.
func (AdminPersonPage) Template() string { return "admin_person" }

func (h *Handler) personPage(c echo.Context, status int, u models.User, f ProfileForm) error {
	l, err := h.layout(c, "Profile of "+u.Name, "people")
	if err != nil {
		return err
	}
	fields, err := h.profileFields(c.Request().Context(), f, "/admin/people/"+strconv.FormatInt(u.ID, 10), pictureViewer(currentUser(c)))
	if err != nil {
		return err
	}
	return h.render(c, status, AdminPersonPage{Layout: l, Person: u, Profile: fields})
}

// PersonEdit shows one person's profile to an admin.
func (h *Handler) PersonEdit(c echo.Context) error {
	u, err := h.person(c)
	if err != nil {
		return err
	}
	return h.personPage(c, http.StatusOK, u, newProfileForm(u))
}

// PersonUpdate saves one person's profile.
func (h *Handler) PersonUpdate(c echo.Context) error {
	u, err := h.person(c)
	if err != nil {
		return err
	}
	var f ProfileForm
	if err := kit.BindForm(c, &f); err != nil {
		return err
	}
	status, err := h.saveProfile(c, u, &f)
	if err != nil {
		return err
	}
	if status != http.StatusSeeOther {
		return h.personPage(c, status, u, f)
	}
	h.audit(c, "user.profile", "changed the profile of "+u.Name+": "+profileChanges(u, f))
	h.addFlash(c, "The profile of "+f.Name+" is saved.")
	return c.Redirect(http.StatusSeeOther, "/admin/people")
}
