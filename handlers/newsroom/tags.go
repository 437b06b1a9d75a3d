package newsroom

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// AdminTagsPage lists the tags.
type AdminTagsPage struct {
	Layout
	Query string
	Tags  []models.TagRow
}

func (AdminTagsPage) Template() string { return "admin_tags" }

// TagForm is a tag's new name and slug as typed.
type TagForm struct {
	Name        string `form:"name"`
	Slug        string `form:"slug"`
	FieldErrors map[string]string
}

// AdminTagEditPage renames, merges or deletes one tag.
type AdminTagEditPage struct {
	Layout
	Tag        models.TagRow
	Form       TagForm
	Others     []models.TagRow
	MergeError string
}

func (AdminTagEditPage) Template() string { return "admin_tag_edit" }

// TagList lists the tags, filtered by ?q=.
func (h *Handler) TagList(c echo.Context) error {
	q := strings.TrimSpace(c.QueryParam("q"))
	if len(q) > maxTagLen {
		q = q[:maxTagLen]
	}
	tags, err := h.Tags.WithCounts(c.Request().Context(), q)
	if err != nil {
		return err
	}
	l, err := h.layout(c, "Tags", "tags")
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, AdminTagsPage{Layout: l, Query: q, Tags: tags})
}

func (h *Handler) tagPage(c echo.Context) (AdminTagEditPage, error) {
	id, err := kit.IDParam(c, "id")
	if err != nil {
		return AdminTagEditPage{}, err
	}
	all, err := h.Tags.WithCounts(c.Request().Context(), "")
	if err != nil {
		return AdminTagEditPage{}, err
	}
	l, err := h.layout(c, "Tag", "tags")
	if err != nil {
		return AdminTagEditPage{}, err
	}
	p := AdminTagEditPage{Layout: l}
	for _, t := range all {
		if t.ID == id {
			p.Tag = t
		} else {
			p.Others = append(p.Others, t)
		}
	}
	if p.Tag.ID == 0 {
		return p, echo.NewHTTPError(http.StatusNotFound)
	}
	p.Title = "Tag: " + p.Tag.Name
	p.Form = TagForm{Name: p.Tag.Name, Slug: p.Tag.Slug}
	return p, nil
}

// TagEdit shows one tag's rename, merge and delete forms.
func (h *Handler) TagEdit(c echo.Context) error {
	p, err := h.tagPage(c)
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, p)
}

// TagUpdate renames a tag.
func (h *Handler) TagUpdate(c echo.Context) error {
	p, err := h.tagPage(c)
	if err != nil {
		return err
	}
	var f TagForm
	if err := kit.BindForm(c, &f); err != nil {
		return err
	}
	f.FieldErrors = map[string]string{}
	f.Name, f.Slug = strings.TrimSpace(f.Name), strings.TrimSpace(f.Slug)
	switch n := utf8.RuneCountInString(f.Name); {
	case n == 0:
		f.FieldErrors["name"] = "Please enter a name."
	case n > maxTagLen:
		f.FieldErrors["name"] = fmt.Sprintf("The name is too long: %d characters at most.", maxTagLen)
	}
	slug := f.Slug
	if slug == "" {
		slug = f.Name
	}
	if len(f.FieldErrors) == 0 {
		err = h.Tags.Rename(c.Request().Context(), p.Tag.ID, f.Name, models.Slugify(slug))
		if err == nil {
			h.audit(c, "tag.rename", "renamed the tag "+quoted(p.Tag.Name)+" to "+quoted(f.Name))
			h.addFlash(c, "Renamed the tag to “"+f.Name+"”.")
			return c.Redirect(http.StatusSeeOther, "/admin/tags")
		}
		if !errors.Is(err, models.ErrDuplicate) {
			return kit.NotFoundIf(err)
		}
		f.FieldErrors["slug"] = "Another tag already has this address. To join the two, merge this tag into it."
	}
	p.Form = f
	return h.render(c, http.StatusUnprocessableEntity, p)
}

// TagMerge moves a tag's articles to another tag and deletes it.
func (h *Handler) TagMerge(c echo.Context) error {
	p, err := h.tagPage(c)
	if err != nil {
		return err
	}
	into, _ := strconv.ParseInt(c.FormValue("into"), 10, 64)
	var target models.TagRow
	for _, t := range p.Others {
		if t.ID == into {
			target = t
		}
	}
	if target.ID == 0 {
		p.MergeError = "Choose the tag to merge this one into."
		return h.render(c, http.StatusUnprocessableEntity, p)
	}
	if err := h.Tags.Merge(c.Request().Context(), p.Tag.ID, target.ID); err != nil {
		return kit.NotFoundIf(err)
	}
	h.audit(c, "tag.merge", "merged the tag "+quoted(p.Tag.Name)+" into "+quoted(target.Name))
	h.addFlash(c, "Merged “"+p.Tag.Name+"” into “"+target.Name+"”.")
	return c.Redirect(http.StatusSeeOther, "/admin/tags")
}

// TagDeleteConfirm asks before deleting a tag.
func (h *Handler) TagDeleteConfirm(c echo.Context) error {
	p, err := h.tagPage(c)
	if err != nil {
		return err
	}
	return h.confirm(c, "tags", AdminConfirmPage{Heading: "Delete the tag?",
		Message: "“" + p.Tag.Name + "” will be removed from " + views.Plural(p.Tag.Articles, "article", "articles") +
			" and deleted. The articles stay.",
		Action: "/admin/tags/" + strconv.FormatInt(p.Tag.ID, 10) + "/delete", Button: "Delete the tag", Cancel: "/admin/tags"})
}

// TagDelete deletes a tag.
func (h *Handler) TagDelete(c echo.Context) error {
	p, err := h.tagPage(c)
	if err != nil {
		return err
	}
	if err := h.Tags.Delete(c.Request().Context(), p.Tag.ID); err != nil {
		return kit.NotFoundIf(err)
	}
	h.audit(c, "tag.delete", "deleted the tag "+quoted(p.Tag.Name))
	h.addFlash(c, "Deleted the tag “"+p.Tag.Name+"”.")
	return c.Redirect(http.StatusSeeOther, "/admin/tags")
}
