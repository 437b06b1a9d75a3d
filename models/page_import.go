package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/newsroom/news/db"
)

// ImportPage is the import map's kind for a site page.
const ImportPage = "page"

// ImportedPage is a page from the old site, with when it last changed there.
type ImportedPage struct {
	PageInput
	Modified time.Time
}

// ImportPage creates or updates the site page key names, with its map row,
// in one transaction. The outcomes are those of ImportArticle: a page
// edited in the newsroom since the last import is kept, one deleted here
// is not brought back. A slug another page holds is ErrDuplicate.
func (s *ImportStore) ImportPage(ctx context.Context, key ImportKey, in ImportedPage) (SitePage, string, error) {
	body, err := renderBody(ctx, s.db, in.BodyMD)
	if err != nil {
		return SitePage{}, "", fmt.Errorf("models: render page: %w", err)
	}
	now := time.Now().Unix()
	p := SitePage{Slug: in.Slug, Title: in.Title, Status: in.Status, BodyMD: in.BodyMD, BodyHTML: body}
	outcome := ""
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		changed(tx, TagChrome) // site pages are linked from every page's footer
		e, err := lookupImport(ctx, tx.QueryRowContext, key)
		if errors.Is(err, ErrNotFound) {
			outcome = ImportCreated
			res, err := tx.ExecContext(ctx, `INSERT INTO pages (slug, title, body_md, body_html, status, position, updated_at, created_at)
				VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM pages), ?, ?)`,
				in.Slug, in.Title, in.BodyMD, string(body), in.Status, now, now)
			if isUnique(err) {
				return ErrDuplicate
			}
			if err != nil {
				return fmt.Errorf("models: import page: %w", err)
			}
			p.ID, _ = res.LastInsertId()
			p.Version = 1
			if err := pageSnapshot(ctx, tx.Tx, p.ID, Editor{Note: "imported"}, now); err != nil {
				return err
			}
			return putImport(ctx, tx, key, ImportEntry{LocalID: p.ID, SourceModified: in.Modified, LocalVersion: 1})
		}
		if err != nil {
			return err
		}
		err = scanOne(tx.QueryRowContext(ctx, `SELECT id, slug, title, status, version FROM pages WHERE id = ?`, e.LocalID),
			&p.ID, &p.Slug, &p.Title, &p.Status, &p.Version)
		if outcome, err = reimportOutcome(err, e, in.Modified, p.Version); err != nil || outcome != ImportUpdated {
			return err
		}
		// The slug stays: the page's address, and the old addresses leading
		// to it, do not move.
		_, err = tx.ExecContext(ctx, `UPDATE pages SET title = ?, body_md = ?, body_html = ?, status = ?,
			updated_at = ?, version = version + 1 WHERE id = ?`, in.Title, in.BodyMD, string(body), in.Status, now, p.ID)
		if err != nil {
			return fmt.Errorf("models: import page %d: %w", p.ID, err)
		}
		if err := pageSnapshot(ctx, tx.Tx, p.ID, Editor{Note: "imported"}, now); err != nil {
			return err
		}
		p.Title, p.Status, p.Version = in.Title, in.Status, p.Version+1
		return putImport(ctx, tx, key, ImportEntry{LocalID: p.ID, SourceModified: in.Modified, LocalVersion: p.Version})
	})
	return p, outcome, err
}

// SetImportedPageBody replaces an imported page's text when it has not
// been edited in the newsroom since (its links made again once every
// item has its new address).
func (s *ImportStore) SetImportedPageBody(ctx context.Context, key ImportKey, md string) error {
	body, err := renderBody(ctx, s.db, md)
	if err != nil {
		return fmt.Errorf("models: render page: %w", err)
	}
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		e, err := lookupImport(ctx, tx.QueryRowContext, key)
		if err != nil {
			return err
		}
		changed(tx, TagChrome)
		_, err = tx.ExecContext(ctx, `UPDATE pages SET body_md = ?, body_html = ? WHERE id = ? AND version = ?`,
			md, string(body), e.LocalID, e.LocalVersion)
		if err != nil {
			return fmt.Errorf("models: imported page body: %w", err)
		}
		return nil
	})
}
