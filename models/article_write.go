package models

import (
	"context"
	"fmt"
	"html/template"
	"time"

	"github.com/newsroom/news/db"
)

// ArticleInput is what saving an article needs.
type ArticleInput struct {
	Title        string
	Slug         string // empty: made from Title, then -2, -3 ... until free; given: must be free
	Summary      string
	BodyMD       string
	Source       string
	CategoryID   int64
	AuthorID     int64   // the lead author
	CoAuthorIDs  []int64 // further bylines, in order
	Status       string
	Featured     bool
	CommentsOpen bool
	PublishedAt  time.Time // zero: now, when Status is published
	UpdatedAt    time.Time // zero: now
	Tags         []string
}

// maxSlugTries bounds the search for a free slug.
const maxSlugTries = 1000

// Create stores a new article with its tags. Two articles with the same
// title get distinct slugs: the unique index decides, so concurrent saves
// cannot both take one.
func (s *ArticleStore) Create(ctx context.Context, in ArticleInput) (Article, error) {
	body, err := renderBody(ctx, s.db, in.BodyMD)
	if err != nil {
		return Article{}, fmt.Errorf("models: render article: %w", err)
	}
	now := s.now().UTC()
	if in.UpdatedAt.IsZero() {
		in.UpdatedAt = now
	}
	if in.Status == StatusPublished && in.PublishedAt.IsZero() {
		in.PublishedAt = now
	}
	var id int64
	var slug string
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		var err error
		if id, slug, err = insertArticle(ctx, tx, in, body, publishedValue(in, now), now); err != nil {
			return err
		}
		if err := setCoAuthors(ctx, tx, id, in.CoAuthorIDs); err != nil {
			return err
		}
		if err := setArticleTags(ctx, tx, id, in.Tags); err != nil {
			return err
		}
		return articleChanged(ctx, tx, id, articleSeen{}, now.Unix())
	})
	if err != nil {
		return Article{}, err
	}
	return Article{ID: id, Slug: slug, Title: in.Title, Status: in.Status, BodyHTML: body}, nil
}

// insertArticle inserts in with its rendered body and returns the new id
// and the slug it got. An explicit in.Slug that is taken is ErrDuplicate;
// a slug made from the title takes the first free -2, -3 ... suffix.
func insertArticle(ctx context.Context, tx *db.Tx, in ArticleInput, body template.HTML, published any, now time.Time) (int64, string, error) {
	strict := in.Slug != ""
	base := in.Slug
	if base == "" {
		base = Slugify(in.Title)
	}
	updated := in.UpdatedAt
	if updated.IsZero() {
		updated = now
	}
	for i := 1; i <= maxSlugTries; i++ {
		slug := base
		if i > 1 {
			slug = fmt.Sprintf("%s-%d", base, i)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO articles (category_id, author_id, slug, title, summary,
			body_md, body_html, source, status, featured, comments_open, published_at, updated_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			in.CategoryID, in.AuthorID, slug, in.Title, in.Summary, in.BodyMD, string(body), in.Source,
			in.Status, in.Featured, in.CommentsOpen, published, updated.Unix(), now.Unix())
		if isUnique(err) && !strict {
			continue
		}
		if isUnique(err) {
			return 0, "", ErrDuplicate
		}
		if err != nil {
			return 0, "", fmt.Errorf("models: create article: %w", err)
		}
		id, _ := res.LastInsertId()
		return id, slug, nil
	}
	return 0, "", ErrDuplicate
}
