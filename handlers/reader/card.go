package reader

import (
	"html/template"
	"slices"
	"time"

	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// Card is an article as lists show it (the front page, sections, tags,
// authors, related articles, search results), with its values ready: the
// template calls no method and walks no embedded struct.
type Card struct {
	ID                  int64 // the article's, for its cache tag
	URL, Title, Summary string
	SectionURL          string
	SectionName         string
	SectionSlug         string
	Authors             []CardAuthor // the byline, in order
	DateISO, Date       string       // "January 2, 2006" in the site's time zone
	ShortDate           string       // "January 2", for compact lists
	Comments            string       // "3 comments" on the front page's lead only (see countComments)
	Img                 *CardImage
	IsLive              bool // covered live now: the card has a LIVE label
	// HTML is the card as the "card" partial shows it, rendered once and
	// kept (articleCards); lists write it as it is.
	HTML template.HTML
}

// CardAuthor is one name in a card's byline; URL is empty for an author
// without a page.
type CardAuthor struct{ Name, URL string }

// CardImage is a card's lead picture.
type CardImage struct {
	Small, Large  string // 640 and 960 pixels wide
	Srcset, Alt   string
	Width, Height int
}

// cardOf makes the card of a in the site's time zone.
func cardOf(a models.Article, loc *time.Location) Card {
	t := a.PublishedAt.In(loc)
	c := Card{
		ID: a.ID, URL: a.URL(), Title: a.Title, Summary: a.Summary,
		SectionURL: a.Category.URL(), SectionName: a.Category.Name, SectionSlug: a.Category.Slug,
		DateISO: isoTime(t), Date: t.Format("January 2, 2006"), ShortDate: t.Format("January 2"), IsLive: a.IsLive(),
	}
	for _, u := range a.Bylines() {
		au := CardAuthor{Name: u.Name}
		if u.Slug != "" {
			au.URL = u.URL()
		}
		c.Authors = append(c.Authors, au)
	}
	if m := a.Lead; m != nil {
		c.Img = &CardImage{Small: m.URL(640), Large: m.URL(960), Srcset: m.Srcset(), Alt: m.Alt, Width: m.Width, Height: m.Height}
	}
	return c
}

// countComments shows a's comment count on its card, which then drops
// with each comment approved on a (ac<ID>). Only the front page's lead
// shows it: a count on every card would make each approved comment drop
// every list and Related block its article appears in.
func countComments(c *Card, a models.Article) {
	if a.CommentCount > 0 {
		c.Comments = views.Plural(a.CommentCount, "comment", "comments")
	}
}

// cardTags are the cache tags of cards: each one's article.
func cardTags(cards []Card) []models.CacheTag {
	out := make([]models.CacheTag, 0, len(cards))
	for _, c := range cards {
		out = append(out, models.ArticleTag(c.ID))
	}
	return out
}

// cardsOf makes the cards of a list.
func cardsOf(list []models.Article, loc *time.Location) []Card {
	if len(list) == 0 {
		return nil
	}
	out := make([]Card, len(list))
	for i, a := range list {
		out[i] = cardOf(a, loc)
	}
	return out
}

// maxKeptCards bounds the kept article cards (about 1 KB each).
const maxKeptCards = 5000

// articleCards keeps the rendered "card" partial of articles by URL.
type articleCards = keptFragments[string, Card]

func newArticleCards() *articleCards { return &articleCards{max: maxKeptCards} }

// sameCard reports whether two cards show the same, their HTML aside.
func sameCard(a, b Card) bool {
	return a.ID == b.ID && a.URL == b.URL && a.Title == b.Title && a.Summary == b.Summary &&
		a.SectionURL == b.SectionURL && a.SectionName == b.SectionName && a.SectionSlug == b.SectionSlug &&
		a.DateISO == b.DateISO && a.Date == b.Date && a.ShortDate == b.ShortDate &&
		a.Comments == b.Comments && a.IsLive == b.IsLive &&
		slices.Equal(a.Authors, b.Authors) &&
		(a.Img == b.Img || a.Img != nil && b.Img != nil && *a.Img == *b.Img)
}

// withCardHTML fills each card's HTML, from the kept cards or rendered.
func (h *Handler) withCardHTML(cards []Card) error {
	for i := range cards {
		c := &cards[i]
		c.HTML = ""
		if html, ok := h.articleCards.get(c.URL, *c, sameCard); ok {
			c.HTML = html
			continue
		}
		html, err := h.Views.Fragment("card", *c)
		if err != nil {
			return err
		}
		h.articleCards.put(c.URL, *c, html)
		c.HTML = html
	}
	return nil
}
