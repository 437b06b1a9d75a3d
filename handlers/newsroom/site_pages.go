package newsroom

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// AdminSitePagesPage lists the pages in footer order.
type AdminSitePagesPage struct {
	Layout
	Pages []models.SitePage
}

// Template names the page's template.
func (AdminSitePagesPage) Template() string { return "admin_site_pages" }

// SitePageList lists the pages in footer order.
func (h *Handler) SitePageList(c echo.Context) error {
	l, err := h.layout(c, "Pages", "pages")
	if err != nil {
		return err
	}
	list, err := h.Pages.List(c.Request().Context(), false)
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, AdminSitePagesPage{Layout: l, Pages: list})
}

// SitePageForm is the page editor as typed.
type SitePageForm struct {
	Title   string `form:"title"`
	Slug    string `form:"slug"`
	Body    string `form:"body"`
	Version string `form:"version"`
	Action  string `form:"action"` // "draft" or "publish"

	FieldErrors map[string]string
}

// validate checks the form against the reserved first path segments and
// returns what to save.
func (f *SitePageForm) validate(reserved []string) models.PageInput {
	f.FieldErrors = map[string]string{}
	f.Title, f.Slug = strings.TrimSpace(f.Title), strings.TrimSpace(f.Slug)
	if f.Slug == "" {
		f.Slug = models.Slugify(f.Title)
	} else {
		f.Slug = models.Slugify(f.Slug)
	}
	switch n := utf8.RuneCountInString(f.Title); {
	case n == 0:
		f.FieldErrors["title"] = "Please enter a title."
	case n > maxTitleLen:
		f.FieldErrors["title"] = "The title is too long: " + strconv.Itoa(maxTitleLen) + " characters at most."
	}
	switch {
	case f.Slug == "" && f.FieldErrors["title"] == "":
		f.FieldErrors["slug"] = "Please enter an address of letters, numbers and dashes."
	case slices.Contains(reserved, f.Slug):
		f.FieldErrors["slug"] = "“/" + f.Slug + "” is one of the site's own addresses. Choose another slug."
	}
	if len(f.Body) > maxBodyLen {
		f.FieldErrors["body"] = "The text is too long for one page."
	}
	st := models.PageDraft
	if f.Action == "publish" {
		st = models.PagePublished
	}
	return models.PageInput{Title: f.Title, Slug: f.Slug, BodyMD: f.Body, Status: st}
}

// AdminSitePageEditPage is the editor of one page, new or stored.
type AdminSitePageEditPage struct {
	Layout
	Page     models.SitePage // zero ID for a new page
	Form     SitePageForm
	Reserved []string
	History  []models.PageRevision
}

// Template names the page's template.
func (AdminSitePageEditPage) Template() string { return "admin_site_page_edit" }

// Action is where the form posts.
func (p AdminSitePageEditPage) Action() string {
	if p.Page.ID == 0 {
		return "/admin/pages"
	}
	return "/admin/pages/" + strconv.FormatInt(p.Page.ID, 10)
}

func (h *Handler) sitePageEditor(c echo.Context, status int, pg models.SitePage, f SitePageForm) error {
	title := "New page"
	if pg.ID != 0 {
		title = "Edit page: " + pg.Title
	}
	l, err := h.layout(c, title, "pages")
	if err != nil {
		return err
	}
	p := AdminSitePageEditPage{Layout: l, Page: pg, Form: f, Reserved: h.Reserved}
	if pg.ID != 0 {
		if p.History, err = h.Pages.Revisions(c.Request().Context(), pg.ID); err != nil {
			return err
		}
	}
	return h.render(c, status, p)
}

// SitePageNew opens the editor on a new page.
func (h *Handler) SitePageNew(c echo.Context) error {
	return h.sitePageEditor(c, http.StatusOK, models.SitePage{}, SitePageForm{})
}

func (h *Handler) sitePageParam(c echo.Context) (models.SitePage, error) {
	id, err := kit.IDParam(c, "id")
	if err != nil {
		return models.SitePage{}, err
	}
	pg, err := h.Pages.ByID(c.Request().Context(), id)
	return pg, kit.NotFoundIf(err)
}

// SitePageEdit opens the editor on a stored page.
func (h *Handler) SitePageEdit(c echo.Context) error {
	pg, err := h.sitePageParam(c)
	if err != nil {
		return err
	}
	f := SitePageForm{Title: pg.Title, Slug: pg.Slug, Body: pg.BodyMD, Version: strconv.Itoa(pg.Version)}
	return h.sitePageEditor(c, http.StatusOK, pg, f)
}

// SitePageCreate stores a new page.
func (h *Handler) SitePageCreate(c echo.Context) error {
	return h.saveSitePage(c, models.SitePage{})
}

// SitePageUpdate saves a stored page.
func (h *Handler) SitePageUpdate(c echo.Context) error {
	pg, err := h.sitePageParam(c)
	if err != nil {
		return err
	}
	return h.saveSitePage(c, pg)
}

// saveSitePage validates and stores the page editor's form.
func (h *Handler) saveSitePage(c echo.Context, pg models.SitePage) error {
	var f SitePageForm
	if err := kit.BindForm(c, &f); err != nil {
		return err
	}
	in := f.validate(h.Reserved)
	if len(f.FieldErrors) > 0 {
		return h.sitePageEditor(c, http.StatusUnprocessableEntity, pg, f)
	}
	ctx := c.Request().Context()
	var err error
	id := pg.ID
	if id == 0 {
		var saved models.SitePage
		saved, err = h.Pages.Create(ctx, in, editor(c, "created"))
		id = saved.ID
	} else {
		version, _ := strconv.Atoi(f.Version)
		err = h.Pages.Update(ctx, id, version, in, editor(c, "edited"))
	}
	switch {
	case errors.Is(err, models.ErrDuplicate):
		f.FieldErrors["slug"] = "Another page already uses this address. Choose a different slug."
		return h.sitePageEditor(c, http.StatusUnprocessableEntity, pg, f)
	case errors.Is(err, models.ErrConflict):
		f.FieldErrors["form"] = "Someone else saved this page while you were editing. Your text is kept below; open the page again to see theirs."
		return h.sitePageEditor(c, http.StatusConflict, pg, f)
	case kit.CannotWrite(err):
		f.FieldErrors["form"] = kit.KeptInputMessage
		return h.sitePageEditor(c, http.StatusServiceUnavailable, pg, f)
	case err != nil:
		return kit.NotFoundIf(err)
	}
	verb := map[string]string{models.PagePublished: "published", models.PageDraft: "saved as a draft"}[in.Status]
	h.audit(c, "page.save", verb+" the page "+quoted(in.Title))
	h.addFlash(c, "Page “"+in.Title+"” "+verb+".")
	return c.Redirect(http.StatusSeeOther, "/admin/pages/"+strconv.FormatInt(id, 10))
}

// SitePageMove moves a page up or down the footer.
func (h *Handler) SitePageMove(c echo.Context) error {
	pg, err := h.sitePageParam(c)
	if err != nil {
		return err
	}
	if err := h.Pages.Move(c.Request().Context(), pg.ID, c.FormValue("dir") == "up"); err != nil {
		return kit.NotFoundIf(err)
	}
	h.audit(c, "page.move", "moved the page "+quoted(pg.Title)+" "+map[bool]string{true: "up", false: "down"}[c.FormValue("dir") == "up"]+" the footer")
	return c.Redirect(http.StatusSeeOther, "/admin/pages")
}
