package reader

import "github.com/newsroom/news/models"

// The cache tags of each reader page: what it shows, so that a write
// drops exactly the pages showing what it changed (models/tags.go).

// tagged is page data that names what it shows, as cache tags.
type tagged interface {
	cacheTags() []models.CacheTag
}

// cacheTags of the layout: the chrome, and the articles Latest posts links.
func (l Layout) cacheTags() []models.CacheTag {
	out := []models.CacheTag{models.TagChrome}
	for _, a := range l.Latest {
		out = append(out, models.ArticleTag(a.ID))
	}
	return out
}

// cacheTags of the front page: the stories editors placed, every
// navigation section's block, the lead (with its comment count), the top
// stories and the blocks' cards.
func (p HomePage) cacheTags() []models.CacheTag {
	out := append(p.Layout.cacheTags(), models.TagFront)
	for _, s := range p.Nav {
		out = append(out, models.SectionTag(s.ID))
	}
	if p.Lead != nil {
		out = append(out, models.ArticleTag(p.Lead.ID), models.ArticleCommentsTag(p.Lead.ID))
	}
	out = append(out, cardTags(p.Top)...)
	for _, b := range p.Blocks {
		out = append(out, models.ArticleTag(b.Lead.ID))
		out = append(out, cardTags(b.Rest)...)
	}
	return out
}

// cacheTags of an article page: the article, its comments, the related
// articles' cards.
func (p ArticlePage) cacheTags() []models.CacheTag {
	out := append(p.Layout.cacheTags(), models.ArticleTag(p.Article.ID), models.ArticleCommentsTag(p.Article.ID))
	if p.Live != nil {
		out = append(out, models.LiveEntriesTag(p.Article.ID)) // its entries
	}
	if p.FollowedBy != nil {
		out = append(out, models.ArticleTag(p.FollowedBy.ID)) // the live coverage it links to
	}
	return append(out, cardTags(p.Related)...)
}

// cacheTags of a list page: the list and its cards.
func (p ListPage) cacheTags() []models.CacheTag {
	out := p.Layout.cacheTags()
	if p.ListTag != "" {
		out = append(out, p.ListTag)
	}
	return append(out, cardTags(p.Articles)...)
}
