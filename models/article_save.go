package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/newsroom/news/db"
)

// Editor is who saves a change: the revision and correction records name them.
type Editor struct {
	ID   int64
	Note string // what they did: "created", "edited", "published" ...
}

// CreateEdited stores a new article written in the newsroom and its first
// revision. An empty Slug is made from the title and made unique; a Slug the
// editor typed must be free, else ErrDuplicate.
func (s *ArticleStore) CreateEdited(ctx context.Context, in ArticleInput, by Editor) (Article, error) {
	body, err := renderBody(ctx, s.db, in.BodyMD)
	if err != nil {
		return Article{}, fmt.Errorf("models: render article: %w", err)
	}
	now := s.now().UTC()
	in.UpdatedAt = now
	var id int64
	var slug string
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		var err error
		if id, slug, err = insertArticle(ctx, tx, in, body, publishedValue(in, now), now); err != nil {
			return err
		}
		if err := setArticleTags(ctx, tx, id, in.Tags); err != nil {
			return err
		}
		if err := setCoAuthors(ctx, tx, id, in.CoAuthorIDs); err != nil {
			return err
		}
		if err := dropRedirect(ctx, tx, slug); err != nil {
			return err
		}
		if err := articleChanged(ctx, tx, id, articleSeen{}, now.Unix()); err != nil {
			return err
		}
		return snapshot(ctx, tx, id, by, now.Unix())
	})
	if err != nil {
		return Article{}, err
	}
	return Article{ID: id, Slug: slug, Title: in.Title, Status: in.Status, BodyHTML: body, Version: 1}, nil
}

// publishedValue is the published_at to store: the time given, or now for
// an article published without one; NULL for a draft never given a time.
func publishedValue(in ArticleInput, now time.Time) any {
	if !in.PublishedAt.IsZero() {
		return in.PublishedAt.Unix()
	}
	if in.Status == StatusPublished {
		return now.Unix()
	}
	return nil
}

// UpdateEdited saves in over the article when its stored version is still
// version, and keeps a revision. A taken slug is ErrDuplicate; a version
// that moved on is ErrConflict. When a live article changes slug, its old
// address is kept as a redirect.
func (s *ArticleStore) UpdateEdited(ctx context.Context, id int64, version int, in ArticleInput, by Editor) (Article, error) {
	body, err := renderBody(ctx, s.db, in.BodyMD)
	if err != nil {
		return Article{}, fmt.Errorf("models: render article: %w", err)
	}
	now := s.now().UTC()
	published := publishedValue(in, now)
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		var oldSlug, oldStatus string
		var oldPublished sql.NullInt64
		var stored int
		err := tx.QueryRowContext(ctx, `SELECT slug, status, published_at, version FROM articles WHERE id = ?`, id).
			Scan(&oldSlug, &oldStatus, &oldPublished, &stored)
		if errors.Is(err, sql.ErrNoRows) || oldStatus == StatusTrash {
			return ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("models: load article %d: %w", id, err)
		}
		if stored != version {
			return ErrConflict
		}
		if err := baseline(ctx, tx, id); err != nil {
			return err
		}
		before, err := seeArticle(ctx, tx, id, now.Unix())
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE articles SET category_id = ?, author_id = ?, slug = ?, title = ?,
			summary = ?, body_md = ?, body_html = ?, source = ?, status = ?, featured = ?, comments_open = ?,
			published_at = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
			in.CategoryID, in.AuthorID, in.Slug, in.Title, in.Summary, in.BodyMD, string(body), in.Source,
			in.Status, in.Featured, in.CommentsOpen, published, now.Unix(), id)
		if isUnique(err) {
			return ErrDuplicate
		}
		if err != nil {
			return fmt.Errorf("models: update article %d: %w", id, err)
		}
		if err := setArticleTags(ctx, tx, id, in.Tags); err != nil {
			return err
		}
		if err := setCoAuthors(ctx, tx, id, in.CoAuthorIDs); err != nil {
			return err
		}
		wasLive := oldStatus == StatusPublished && oldPublished.Valid && oldPublished.Int64 <= now.Unix()
		if err := moveSlug(ctx, tx, id, oldSlug, in.Slug, wasLive, now.Unix()); err != nil {
			return err
		}
		if err := articleChanged(ctx, tx, id, before, now.Unix()); err != nil {
			return err
		}
		return snapshot(ctx, tx, id, by, now.Unix())
	})
	if err != nil {
		return Article{}, err
	}
	return Article{ID: id, Slug: in.Slug, Title: in.Title, Status: in.Status, BodyHTML: body, Version: version + 1}, nil
}

// snapshotSQL copies an article into revisions; the caller adds the
// created_at expression's arguments and the WHERE clause.
const snapshotSQL = `INSERT INTO revisions (article_id, version, user_id, note, title, slug, summary,
		body_md, source, status, category_id, author_id, featured, comments_open, published_at, lead_media_id, tags, authors, created_at)
	SELECT a.id, a.version, ?, ?, a.title, a.slug, a.summary, a.body_md, a.source, a.status, a.category_id,
		a.author_id, a.featured, a.comments_open, a.published_at, a.lead_media_id,
		COALESCE((SELECT group_concat(name, ', ') FROM (SELECT t.name FROM article_tags at
			JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id ORDER BY t.name)), ''), ` + authorsSQL + `, `

// snapshot records the article as it now stands as a revision.
func snapshot(ctx context.Context, tx *db.Tx, id int64, by Editor, at int64) error {
	var user any
	if by.ID != 0 {
		user = by.ID
	}
	_, err := tx.ExecContext(ctx, snapshotSQL+`? FROM articles a WHERE a.id = ?`, user, by.Note, at, id)
	if err != nil {
		return fmt.Errorf("models: record revision: %w", err)
	}
	return nil
}

// baseline records an article that has no revision yet (one made before
// the newsroom kept them, such as imported or demo content) as it stands,
// dated by its last change, so its first edit can be compared and undone.
func baseline(ctx context.Context, tx *db.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, snapshotSQL+`a.updated_at FROM articles a WHERE a.id = ?
		AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.article_id = a.id)`, nil, "as it was before the first edit here", id)
	if err != nil {
		return fmt.Errorf("models: record first revision: %w", err)
	}
	return nil
}
