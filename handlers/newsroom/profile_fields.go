package newsroom

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// ProfileForm is what readers see of a person, as typed on their profile
// or by an admin on the person's page.
type ProfileForm struct {
	Name     string `form:"name"`
	JobTitle string `form:"job_title"`
	Bio      string `form:"bio"`
	Photo    string `form:"photo"` // a library picture's id, "" for none

	FieldErrors map[string]string
}

// newProfileForm fills the form from a stored user.
func newProfileForm(u models.User) ProfileForm {
	f := ProfileForm{Name: u.Name, JobTitle: u.JobTitle, Bio: u.Bio}
	if u.PhotoID != 0 {
		f.Photo = strconv.FormatInt(u.PhotoID, 10)
	}
	return f
}

// validate checks the form and returns what to save.
func (f *ProfileForm) validate() models.ProfileInput {
	fe := fieldErrors{}
	f.Name = checkName(fe, "name", f.Name)
	f.JobTitle, f.Bio = strings.TrimSpace(f.JobTitle), strings.TrimSpace(f.Bio)
	if utf8.RuneCountInString(f.JobTitle) > models.MaxJobTitleLen {
		fe.add("job_title", "Please keep the job title under "+strconv.Itoa(models.MaxJobTitleLen)+" characters.")
	}
	if utf8.RuneCountInString(f.Bio) > models.MaxBioLen {
		fe.add("bio", "Please keep the bio under "+strconv.Itoa(models.MaxBioLen)+" characters.")
	}
	photo, err := strconv.ParseInt(f.Photo, 10, 64)
	if f.Photo != "" && (err != nil || photo < 1) {
		fe.add("photo", "Choose one of the pictures shown, or no photo.")
	}
	f.FieldErrors = fe
	return models.ProfileInput{Name: f.Name, JobTitle: f.JobTitle, Bio: f.Bio, PhotoID: photo}
}

// ProfileFields are the profile form with the photos to choose from.
type ProfileFields struct {
	Form   ProfileForm
	Photos []models.Media // the newest library pictures with alt text, the current photo first
	Action string         // where the form posts
}

// photoChoices are the pictures a profile photo is chosen from.
const photoChoices = 12

// profileFields are the form with the pictures viewer may choose from
// (pictureViewer: 0 for those who see every picture).
func (h *Handler) profileFields(ctx context.Context, f ProfileForm, action string, viewer int64) (ProfileFields, error) {
	pf := ProfileFields{Form: f, Action: action}
	list, _, err := h.Media.List(ctx, "", 1, viewer)
	if err != nil {
		return pf, err
	}
	current, _ := strconv.ParseInt(f.Photo, 10, 64)
	if current > 0 {
		if m, err := h.Media.Get(ctx, current); err == nil {
			pf.Photos = append(pf.Photos, m)
		}
	}
	for _, m := range list {
		if m.ID != current && strings.TrimSpace(m.Alt) != "" && len(pf.Photos) < photoChoices {
			pf.Photos = append(pf.Photos, m)
		}
	}
	return pf, nil
}

// saveProfile validates f and saves it as u's profile: 303 when saved,
// otherwise the status to show the form again with its errors.
func (h *Handler) saveProfile(c echo.Context, u models.User, f *ProfileForm) (status int, err error) {
	in := f.validate()
	if len(f.FieldErrors) > 0 {
		return http.StatusUnprocessableEntity, nil
	}
	ctx := c.Request().Context()
	if viewer := pictureViewer(currentUser(c)); in.PhotoID != 0 && in.PhotoID != u.PhotoID && viewer != 0 {
		// A photo is public once chosen: only a picture the user may see already.
		if ok, err := h.Media.VisibleTo(ctx, in.PhotoID, viewer); err != nil || !ok {
			f.FieldErrors["photo"] = "Choose one of the pictures shown, or no photo."
			return http.StatusUnprocessableEntity, err
		}
	}
	err = h.Users.SetProfile(ctx, u.ID, in)
	switch {
	case errors.Is(err, models.ErrNotFound) && in.PhotoID != 0:
		f.FieldErrors["photo"] = "That picture is no longer in the library. Choose another."
		return http.StatusUnprocessableEntity, nil
	case errors.Is(err, models.ErrAltRequired):
		f.FieldErrors["photo"] = "That picture has no alt text yet. Describe it in the media library first."
		return http.StatusUnprocessableEntity, nil
	case kit.CannotWrite(err):
		f.FieldErrors["form"] = kit.KeptInputMessage
		return http.StatusServiceUnavailable, nil
	case err != nil:
		return 0, kit.NotFoundIf(err)
	}
	return http.StatusSeeOther, nil
}

// profileChanges says in words what a profile save changed, for the audit log.
func profileChanges(u models.User, in ProfileForm) string {
	var out []string
	if in.Name != u.Name {
		out = append(out, "name from "+u.Name+" to "+in.Name)
	}
	if in.JobTitle != u.JobTitle {
		out = append(out, "job title to "+quoted(in.JobTitle))
	}
	if in.Bio != u.Bio {
		out = append(out, "bio")
	}
	if in.Photo != newProfileForm(u).Photo {
		out = append(out, "photo")
	}
	if len(out) == 0 {
		return "nothing"
	}
	return strings.Join(out, ", ")
}
