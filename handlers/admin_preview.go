package handlers

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// ArticlePreviewPage is the article as readers will see it, in the reader
// layout, marked as a preview.
type ArticlePreviewPage struct {
	ArticlePage
	EditURL string // back to the editor
	State   string // what the stored article is now: draft, scheduled ...
}

func (ArticlePreviewPage) template() string { return views.PageArticlePreview }

// renderPreview shows what the form would publish, never cached or indexed.
func (h *Handler) renderPreview(c echo.Context, p AdminArticleEditPage, f ArticleForm) error {
	body, err := h.Articles.Render(c.Request().Context(), f.Body)
	if err != nil {
		return err
	}
	l, err := h.layout(c, "Preview: "+f.Title)
	if err != nil {
		return err
	}
	l.Meta.Robots = "noindex, nofollow"
	loc := l.zone()
	a := models.Article{ID: p.Article.ID, Slug: f.Slug, Title: strings.TrimSpace(f.Title), Summary: strings.TrimSpace(f.Summary),
		BodyHTML: body, BodyMD: f.Body, Source: strings.TrimSpace(f.Source), Lead: p.Lead, Status: models.StatusPublished}
	a.PublishedAt = h.Now().In(loc)
	if t, err := time.ParseInLocation(publishAtLayout, strings.TrimSpace(f.PublishAt), loc); err == nil {
		a.PublishedAt = t
	}
	a.UpdatedAt = a.PublishedAt
	catID, _ := strconv.ParseInt(f.CategoryID, 10, 64)
	for _, s := range p.Sections {
		if s.ID == catID {
			a.Category = s
		}
	}
	a.Authors = previewBylines(p, f)
	if len(a.Authors) > 0 {
		a.Author = a.Authors[0]
	}
	var tags []models.Tag
	for _, name := range models.SplitTags(f.Tags) {
		tags = append(tags, models.Tag{Name: name, Slug: models.Slugify(name)})
	}
	edit := p.Action()
	if p.Article.ID == 0 {
		edit = "/admin/articles/new"
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	c.Response().Header().Set("X-Robots-Tag", "noindex, nofollow")
	return h.render(c, http.StatusOK, ArticlePreviewPage{
		ArticlePage: ArticlePage{Layout: l, Article: a, Tags: tags}, EditURL: edit, State: p.State})
}

// previewBylines are the bylines the form names, or those stored when the
// user cannot change them.
func previewBylines(p AdminArticleEditPage, f ArticleForm) []models.User {
	if !p.CanPickAuthor {
		if b := p.Article.Bylines(); len(b) > 0 {
			return b
		}
		return []models.User{p.User}
	}
	byID := map[string]models.User{}
	for _, u := range p.Authors {
		byID[strconv.FormatInt(u.ID, 10)] = u
	}
	var out []models.User
	seen := map[string]bool{}
	for _, id := range append([]string{f.AuthorID}, f.CoAuthors...) {
		if u, ok := byID[id]; ok && !seen[id] {
			seen[id] = true
			out = append(out, u)
		}
	}
	return out
}
