package models

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// ArticleInput is what saving an article needs.
type ArticleInput struct {
	Title        string
	Slug         string // made from Title when empty; made unique with -2, -3 ...
	Summary      string
	BodyMD       string
	Source       string
	CategoryID   int64
	AuthorID     int64
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
	body, err := RenderMarkdown(in.BodyMD)
	if err != nil {
		return Article{}, fmt.Errorf("models: render article: %w", err)
	}
	now := s.now().UTC()
	if in.UpdatedAt.IsZero() {
		in.UpdatedAt = now
	}
	var published any
	if in.Status == StatusPublished {
		if in.PublishedAt.IsZero() {
			in.PublishedAt = now
		}
		published = in.PublishedAt.Unix()
	}
	base := in.Slug
	if base == "" {
		base = Slugify(in.Title)
	}
	var id int64
	var slug string
	err = s.db.WithTx(ctx, func(tx *sql.Tx) error {
		for i := 1; i <= maxSlugTries; i++ {
			slug = base
			if i > 1 {
				slug = fmt.Sprintf("%s-%d", base, i)
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO articles (category_id, author_id, slug, title, summary,
				body_md, body_html, source, status, featured, comments_open, published_at, updated_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				in.CategoryID, in.AuthorID, slug, in.Title, in.Summary, in.BodyMD, string(body), in.Source,
				in.Status, in.Featured, in.CommentsOpen, published, in.UpdatedAt.Unix(), now.Unix())
			if isUnique(err) {
				continue
			}
			if err != nil {
				return fmt.Errorf("models: create article: %w", err)
			}
			id, _ = res.LastInsertId()
			return setArticleTags(ctx, tx, id, in.Tags)
		}
		return ErrDuplicate
	})
	if err != nil {
		return Article{}, err
	}
	return Article{ID: id, Slug: slug, Title: in.Title, Status: in.Status, BodyHTML: body}, nil
}
