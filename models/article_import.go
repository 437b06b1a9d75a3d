package models

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"time"

	"github.com/newsroom/news/db"
)

// What importing an article did.
const (
	ImportCreated   = "created"
	ImportUpdated   = "updated"   // changed on the old site since the last import
	ImportUnchanged = "unchanged" // imported before, not changed since
	ImportKept      = "kept"      // changed on the old site, but edited in the newsroom too: the newsroom's edit stays
	ImportGone      = "gone"      // imported before, then deleted here: not brought back
)

// ImportedArticle is an article as another site had it.
type ImportedArticle struct {
	ArticleInput
	CreatedAt   time.Time
	LeadMediaID int64     // 0: none
	Modified    time.Time // its last change on the old site
}

// ImportArticle creates the article key names, or updates it when the old
// site changed it since it was imported and nobody edited it here since.
// The slug is in.Slug, or in.Slug-2, -3 ... when taken; an update keeps the
// slug it has. It returns the article (ID, Slug, Title, Status) and what
// was done.
func (s *ImportStore) ImportArticle(ctx context.Context, key ImportKey, in ImportedArticle) (Article, string, error) {
	body, err := RenderMarkdown(in.BodyMD)
	if err != nil {
		return Article{}, "", fmt.Errorf("models: render article: %w", err)
	}
	now := time.Now().UTC()
	var a Article
	outcome := ""
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		e, err := lookupImport(ctx, tx.QueryRowContext, key)
		if errors.Is(err, ErrNotFound) {
			outcome = ImportCreated
			a, err = insertImported(ctx, tx, in, body, now)
			if err != nil {
				return err
			}
			return putImport(ctx, tx, key, ImportEntry{LocalID: a.ID, SourceModified: in.Modified, LocalVersion: 1})
		}
		if err != nil {
			return err
		}
		err = scanOne(tx.QueryRowContext(ctx, `SELECT id, slug, title, status, version FROM articles WHERE id = ?`, e.LocalID),
			&a.ID, &a.Slug, &a.Title, &a.Status, &a.Version)
		if outcome, err = reimportOutcome(err, e, in.Modified, a.Version); err != nil || outcome != ImportUpdated {
			return err
		}
		if err := updateImported(ctx, tx, a.ID, in, body, now); err != nil {
			return err
		}
		a.Title, a.Status, a.Version = in.Title, in.Status, a.Version+1
		return putImport(ctx, tx, key, ImportEntry{LocalID: a.ID, SourceModified: in.Modified, LocalVersion: a.Version})
	})
	if err != nil {
		return Article{}, "", err
	}
	return a, outcome, nil
}

func insertImported(ctx context.Context, tx *db.Tx, in ImportedArticle, body template.HTML, now time.Time) (Article, error) {
	base := in.Slug
	if base == "" {
		base = Slugify(in.Title)
	}
	for i := 1; i <= maxSlugTries; i++ {
		in.Slug = base
		if i > 1 {
			in.Slug = fmt.Sprintf("%s-%d", base, i)
		}
		id, slug, err := insertArticle(ctx, tx, in.ArticleInput, body, publishedValue(in.ArticleInput, now), now)
		if errors.Is(err, ErrDuplicate) {
			continue
		}
		if err != nil {
			return Article{}, err
		}
		if err := setArticleTags(ctx, tx, id, in.Tags); err != nil {
			return Article{}, err
		}
		if err := dropRedirect(ctx, tx, slug); err != nil {
			return Article{}, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET created_at = ?, lead_media_id = ? WHERE id = ?`,
			in.CreatedAt.Unix(), nullID(in.LeadMediaID), id); err != nil {
			return Article{}, fmt.Errorf("models: import article: %w", err)
		}
		if err := articleChanged(ctx, tx, id, articleSeen{}, now.Unix()); err != nil {
			return Article{}, err
		}
		return Article{ID: id, Slug: slug, Title: in.Title, Status: in.Status, Version: 1}, nil
	}
	return Article{}, ErrDuplicate
}

// updateImported writes a newer version from the old site over the
// article, keeping its slug, with a revision as a newsroom save has.
func updateImported(ctx context.Context, tx *db.Tx, id int64, in ImportedArticle, body template.HTML, now time.Time) error {
	if err := baseline(ctx, tx, id); err != nil {
		return err
	}
	before, err := seeArticle(ctx, tx, id, now.Unix())
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE articles SET category_id = ?, author_id = ?, title = ?, summary = ?,
		body_md = ?, body_html = ?, status = ?, featured = ?, comments_open = ?, published_at = ?, updated_at = ?,
		lead_media_id = ?, version = version + 1 WHERE id = ?`,
		in.CategoryID, in.AuthorID, in.Title, in.Summary, in.BodyMD, string(body), in.Status, in.Featured,
		in.CommentsOpen, publishedValue(in.ArticleInput, now), in.UpdatedAt.Unix(), nullID(in.LeadMediaID), id)
	if err != nil {
		return fmt.Errorf("models: update imported article %d: %w", id, err)
	}
	if err := setArticleTags(ctx, tx, id, in.Tags); err != nil {
		return err
	}
	if err := articleChanged(ctx, tx, id, before, now.Unix()); err != nil {
		return err
	}
	return snapshot(ctx, tx, id, Editor{Note: "updated from the imported site"}, now.Unix())
}

// SetImportedBody replaces the body of an article the import just made
// (to point its links at articles imported after it), unless it was edited
// here in the meantime. It is the import finishing its own write, so the
// version stays.
func (s *ImportStore) SetImportedBody(ctx context.Context, key ImportKey, md string) error {
	body, err := RenderMarkdown(md)
	if err != nil {
		return fmt.Errorf("models: render article: %w", err)
	}
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		e, err := lookupImport(ctx, tx.QueryRowContext, key)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE articles SET body_md = ?, body_html = ? WHERE id = ? AND version = ?`,
			md, string(body), e.LocalID, e.LocalVersion)
		if err != nil {
			return fmt.Errorf("models: imported body: %w", err)
		}
		changed(tx, ArticleTag(e.LocalID))
		return nil
	})
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// reimportOutcome says what a new import of an item already imported does
// to the local copy: scanErr is the error of reading that copy, version its
// version now. Only ImportUpdated asks the caller to write.
func reimportOutcome(scanErr error, e ImportEntry, modified time.Time, version int) (string, error) {
	switch {
	case errors.Is(scanErr, ErrNotFound):
		return ImportGone, nil
	case scanErr != nil:
		return "", scanErr
	case !modified.After(e.SourceModified):
		return ImportUnchanged, nil
	case version != e.LocalVersion:
		return ImportKept, nil
	}
	return ImportUpdated, nil
}
