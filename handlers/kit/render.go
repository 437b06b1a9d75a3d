package kit

import (
	"bytes"
	"context"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// Page is page data: it names its template, and its layout (reader or
// newsroom) through the layout type it embeds, so data, template and
// chrome cannot be mismatched.
type Page = views.Page

// Render executes p's template with its layout and writes it with status.
func Render(c echo.Context, v *views.Renderer, status int, p Page) error {
	var buf bytes.Buffer
	if err := v.Render(&buf, p); err != nil {
		return err
	}
	return c.HTMLBlob(status, buf.Bytes())
}

// InZone shows an article list's times in the site's time zone.
func InZone(list []models.Article, loc *time.Location) []models.Article {
	for i := range list {
		list[i] = ArticleInZone(list[i], loc)
	}
	return list
}

// ArticleInZone shows one article's times in the site's time zone.
func ArticleInZone(a models.Article, loc *time.Location) models.Article {
	a.PublishedAt = a.PublishedAt.In(loc)
	a.UpdatedAt = a.UpdatedAt.In(loc)
	a.CreatedAt = a.CreatedAt.In(loc)
	return a
}

// LeadOf returns an article's lead image, or nil when it has none.
func LeadOf(ctx context.Context, media *models.MediaStore, articleID int64) (*models.Media, error) {
	m, err := media.LeadFor(ctx, articleID)
	if err == models.ErrNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &m, nil
}
