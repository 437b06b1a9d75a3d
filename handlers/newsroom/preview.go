package newsroom

import (
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// renderPreview shows what the form would publish on the reader's article
// page (Deps.Preview), never cached or indexed.
func (h *Handler) renderPreview(c echo.Context, p AdminArticleEditPage, f ArticleForm) error {
	body, err := h.Articles.Render(c.Request().Context(), f.Body)
	if err != nil {
		return err
	}
	// Pictures not public yet still show: from the newsroom's addresses.
	body = models.NewsroomImages(body)
	if p.Lead != nil {
		lead := *p.Lead
		lead.InNewsroom = true
		p.Lead = &lead
	}
	loc := p.Site.Location()
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
	return h.Preview(c, kit.Preview{Article: a, Tags: tags, EditURL: edit, State: p.State})
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
