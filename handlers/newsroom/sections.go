package newsroom

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// SectionForm is a section's name, slug and description as typed.
type SectionForm struct {
	Name        string `form:"name"`
	Slug        string `form:"slug"`
	Description string `form:"description"`
	FieldErrors map[string]string
}

// AdminSectionsPage lists the sections with a form to add one and a form
// per section to rename it.
type AdminSectionsPage struct {
	Layout
	Sections []models.SectionRow
	New      SectionForm
	EditID   int64 // the section whose form Edit holds, after a refused rename
	Edit     SectionForm
}

func (AdminSectionsPage) Template() string { return "admin_sections" }

// AdminSectionDeletePage asks where a deleted section's articles go.
type AdminSectionDeletePage struct {
	Layout
	Section models.SectionRow
	Others  []models.Category
	Error   string
}

func (AdminSectionDeletePage) Template() string { return "admin_section_delete" }

// reservedSectionSlugs are first path segments the site uses itself; a
// section there would hide its articles behind the site's own pages.
var reservedSectionSlugs = map[string]bool{"admin": true, "static": true, "category": true, "tag": true,
	"author": true, "corrections": true, "feed": true, "search": true, "sitemap": true, "media": true, "api": true, "read": true}

func (f *SectionForm) validate() models.CategoryInput {
	f.FieldErrors = map[string]string{}
	f.Name, f.Slug, f.Description = strings.TrimSpace(f.Name), strings.TrimSpace(f.Slug), strings.TrimSpace(f.Description)
	switch n := utf8.RuneCountInString(f.Name); {
	case n == 0:
		f.FieldErrors["name"] = "Please enter a name."
	case n > 60:
		f.FieldErrors["name"] = "The name is too long: 60 characters at most."
	}
	if utf8.RuneCountInString(f.Description) > 500 {
		f.FieldErrors["description"] = "The description is too long: 500 characters at most."
	}
	slug := f.Slug
	if slug == "" {
		slug = f.Name
	}
	in := models.CategoryInput{Name: f.Name, Slug: models.Slugify(slug), Description: f.Description}
	if reservedSectionSlugs[in.Slug] {
		f.FieldErrors["slug"] = "That address is used by the site itself. Choose another slug."
	}
	return in
}

func (h *Handler) sectionsPage(c echo.Context) (AdminSectionsPage, error) {
	l, err := h.layout(c, "Sections", "sections")
	if err != nil {
		return AdminSectionsPage{}, err
	}
	rows, err := h.Categories.WithCounts(c.Request().Context())
	return AdminSectionsPage{Layout: l, Sections: rows}, err
}

// SectionList lists the sections in navigation order.
func (h *Handler) SectionList(c echo.Context) error {
	p, err := h.sectionsPage(c)
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, p)
}

// SectionCreate adds a section at the end of the navigation.
func (h *Handler) SectionCreate(c echo.Context) error {
	var f SectionForm
	if err := kit.BindForm(c, &f); err != nil {
		return err
	}
	p, err := h.sectionsPage(c)
	if err != nil {
		return err
	}
	in := f.validate()
	if len(f.FieldErrors) == 0 {
		in.Position = len(p.Sections) + 1
		_, err = h.Categories.Create(c.Request().Context(), in)
		if err == nil {
			h.audit(c, "section.create", "added the section "+quoted(in.Name))
			h.addFlash(c, "Added the section “"+in.Name+"”.")
			return c.Redirect(http.StatusSeeOther, "/admin/sections")
		}
		if !errors.Is(err, models.ErrDuplicate) {
			return err
		}
		f.FieldErrors["slug"] = "Another section already uses this address. Choose a different slug."
	}
	p.New = f
	return h.render(c, http.StatusUnprocessableEntity, p)
}

// SectionUpdate renames a section; its old address keeps working.
func (h *Handler) SectionUpdate(c echo.Context) error {
	id, err := kit.IDParam(c, "id")
	if err != nil {
		return err
	}
	var f SectionForm
	if err := kit.BindForm(c, &f); err != nil {
		return err
	}
	in := f.validate()
	if len(f.FieldErrors) == 0 {
		err = h.Categories.Update(c.Request().Context(), id, in)
		if err == nil {
			h.audit(c, "section.update", "saved the section "+quoted(in.Name)+" at /category/"+in.Slug)
			h.addFlash(c, "Saved the section “"+in.Name+"”.")
			return c.Redirect(http.StatusSeeOther, "/admin/sections")
		}
		if !errors.Is(err, models.ErrDuplicate) {
			return kit.NotFoundIf(err)
		}
		f.FieldErrors["slug"] = "Another section already uses this address. Choose a different slug."
	}
	p, err := h.sectionsPage(c)
	if err != nil {
		return err
	}
	p.EditID, p.Edit = id, f
	return h.render(c, http.StatusUnprocessableEntity, p)
}

// SectionMove moves a section up or down the navigation.
func (h *Handler) SectionMove(c echo.Context) error {
	id, err := kit.IDParam(c, "id")
	if err != nil {
		return err
	}
	by := 1
	if c.FormValue("dir") == "up" {
		by = -1
	}
	if err := h.Categories.Move(c.Request().Context(), id, by); err != nil {
		return kit.NotFoundIf(err)
	}
	if sec, err := h.Categories.ByID(c.Request().Context(), id); err == nil {
		h.audit(c, "section.move", "moved the section "+quoted(sec.Name)+" "+map[bool]string{true: "up", false: "down"}[by < 0]+" the navigation")
	}
	return c.Redirect(http.StatusSeeOther, "/admin/sections")
}

// SectionNav puts a section in the navigation (and a block for it on
// the front page) or keeps it out.
func (h *Handler) SectionNav(c echo.Context) error {
	id, err := kit.IDParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.Categories.SetInNav(c.Request().Context(), id, c.FormValue("in_nav") == "1"); err != nil {
		return kit.NotFoundIf(err)
	}
	return c.Redirect(http.StatusSeeOther, "/admin/sections")
}

func (h *Handler) sectionDeletePage(c echo.Context, id int64) (AdminSectionDeletePage, error) {
	l, err := h.layout(c, "Delete section", "sections")
	if err != nil {
		return AdminSectionDeletePage{}, err
	}
	rows, err := h.Categories.WithCounts(c.Request().Context())
	if err != nil {
		return AdminSectionDeletePage{}, err
	}
	p := AdminSectionDeletePage{Layout: l}
	for _, r := range rows {
		if r.ID == id {
			p.Section = r
		} else {
			p.Others = append(p.Others, r.Category)
		}
	}
	if p.Section.ID == 0 {
		return p, echo.NewHTTPError(http.StatusNotFound)
	}
	return p, nil
}

// SectionDeleteConfirm asks where the section's articles should go.
func (h *Handler) SectionDeleteConfirm(c echo.Context) error {
	id, err := kit.IDParam(c, "id")
	if err != nil {
		return err
	}
	p, err := h.sectionDeletePage(c, id)
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, p)
}

// SectionDelete deletes a section, moving its articles to another.
func (h *Handler) SectionDelete(c echo.Context) error {
	id, err := kit.IDParam(c, "id")
	if err != nil {
		return err
	}
	p, err := h.sectionDeletePage(c, id)
	if err != nil {
		return err
	}
	to, _ := strconv.ParseInt(c.FormValue("move_to"), 10, 64)
	var target models.Category
	for _, o := range p.Others {
		if o.ID == to {
			target = o
		}
	}
	if target.ID == 0 {
		p.Error = "Choose the section its articles should move to."
		if len(p.Others) == 0 {
			p.Error = "This is the only section: add another one first, so its articles have somewhere to go."
		}
		return h.render(c, http.StatusUnprocessableEntity, p)
	}
	n, err := h.Categories.Delete(c.Request().Context(), id, to)
	if err != nil {
		return kit.NotFoundIf(err)
	}
	h.audit(c, "section.delete", "deleted the section "+quoted(p.Section.Name)+" and moved its "+count(n, "article", "articles")+" to "+quoted(target.Name))
	h.addFlash(c, "Deleted the section “"+p.Section.Name+"” and moved "+views.Plural(n, "article", "articles")+" to “"+target.Name+"”.")
	return c.Redirect(http.StatusSeeOther, "/admin/sections")
}
