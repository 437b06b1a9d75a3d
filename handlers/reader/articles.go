package reader

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// relatedCount is how many related articles an article page shows.
const relatedCount = 4

// ArticleShow shows one published article at /:section/:slug.
func (h *Handler) ArticleShow(c echo.Context) error {
	section, err := kit.SlugParam(c, "section")
	if err != nil {
		return err
	}
	slug, err := kit.SlugParam(c, "slug")
	if err != nil {
		return err
	}
	a, err := h.Articles.PublishedBySlug(c.Request().Context(), slug)
	if errors.Is(err, models.ErrNotFound) {
		// A slug the article had before it was renamed.
		if moved, rerr := h.Articles.Redirected(c.Request().Context(), slug); rerr == nil {
			return c.Redirect(http.StatusMovedPermanently, moved.URL())
		}
	}
	if err != nil {
		return kit.NotFoundIf(err)
	}
	if a.Category.Slug != section {
		// The article moved to another section: send readers to its address.
		return c.Redirect(http.StatusMovedPermanently, a.URL())
	}
	p, err := h.articlePage(c, a)
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, p)
}

// articlePage builds the page of a published article, with an empty
// comment form.
func (h *Handler) articlePage(c echo.Context, a models.Article) (ArticlePage, error) {
	ctx := c.Request().Context()
	l, err := h.layout(c, a.Title)
	if err != nil {
		return ArticlePage{}, err
	}
	l.Description = a.Summary
	l.Canonical = a.URL()
	l.inSection(a.Category.Slug)
	p := ArticlePage{Layout: l, Article: kit.ArticleInZone(a, l.zone()), Share: shareLinks(a, l.AbsURL(a.URL()))}
	if p.Tags, err = h.Tags.ForArticle(ctx, a.ID); err != nil {
		return p, err
	}
	tagIDs := make([]int64, len(p.Tags))
	for i, t := range p.Tags {
		tagIDs[i] = t.ID
	}
	related, err := h.Articles.RelatedByTags(ctx, a, tagIDs, relatedCount)
	if err != nil {
		return p, err
	}
	// The article first, then the related: one query finds all their
	// lead pictures.
	withArticle := append([]models.Article{p.Article}, related...)
	if err := h.withLeads(ctx, withArticle); err != nil {
		return p, err
	}
	p.Article.Lead = withArticle[0].Lead
	p.Related = cardsOf(withArticle[1:], l.zone())
	p.Meta = h.articleMeta(p.Layout, p.Article, p.Tags)
	if err := h.commentSection(c, &p); err != nil {
		return p, err
	}
	if p.Corrections, err = h.Articles.Corrections(ctx, a.ID); err != nil {
		return p, err
	}
	for i := range p.Corrections {
		p.Corrections[i].CreatedAt = p.Corrections[i].CreatedAt.In(l.zone())
	}
	p.Story = storyOf(p.Article, p.Tags, p.Corrections)
	if err := h.liveSection(ctx, &p); err != nil {
		return p, err
	}
	return p, nil
}
