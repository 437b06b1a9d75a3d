package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"html/template"
	"time"

	"github.com/newsroom/news/db"
)

// Page statuses as stored.
const (
	PageDraft     = "draft"
	PagePublished = "published"
)

// SitePage is a page that is not news (About, Contact, Privacy, Staff),
// published at /<slug> and listed in the footer in Position order.
type SitePage struct {
	ID        int64
	Slug      string
	Title     string
	BodyMD    string
	BodyHTML  template.HTML
	Status    string
	Position  int
	Version   int
	UpdatedAt time.Time
	CreatedAt time.Time
}

// URL is the page's public address.
func (p SitePage) URL() string { return "/" + p.Slug }

// Published reports whether readers can see the page.
func (p SitePage) Published() bool { return p.Status == PagePublished }

// PageInput is what saving a page needs.
type PageInput struct {
	Title  string
	Slug   string // must be free and not one of the site's own first path segments (checked by the caller)
	BodyMD string
	Status string
}

// PageStore loads and saves pages.
type PageStore struct {
	db  *db.DB
	now func() time.Time
}

// NewPageStore returns a store over d; now stamps changes.
func NewPageStore(d *db.DB, now func() time.Time) *PageStore { return &PageStore{db: d, now: now} }

const pageCols = `id, slug, title, body_md, body_html, status, position, version, updated_at, created_at`

func scanPage(row interface{ Scan(...any) error }) (SitePage, error) {
	var p SitePage
	var body string
	var updated, created int64
	err := row.Scan(&p.ID, &p.Slug, &p.Title, &p.BodyMD, &body, &p.Status, &p.Position, &p.Version, &updated, &created)
	p.BodyHTML = trustedHTML(body)
	p.UpdatedAt, p.CreatedAt = time.Unix(updated, 0).UTC(), time.Unix(created, 0).UTC()
	return p, err
}

func (s *PageStore) one(ctx context.Context, where string, arg any) (SitePage, error) {
	p, err := scanPage(s.db.QueryRow(ctx, `SELECT `+pageCols+` FROM pages WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	if err != nil {
		return p, fmt.Errorf("models: page: %w", err)
	}
	return p, nil
}

// ByID returns the page with that id, published or not, or ErrNotFound.
func (s *PageStore) ByID(ctx context.Context, id int64) (SitePage, error) {
	return s.one(ctx, `id = ?`, id)
}

// PublishedBySlug returns the published page at /slug, or ErrNotFound.
func (s *PageStore) PublishedBySlug(ctx context.Context, slug string) (SitePage, error) {
	return s.one(ctx, `status = 'published' AND slug = ?`, slug)
}

// List returns the pages in footer order, without their bodies: only the
// published ones when onlyPublished, else drafts too.
func (s *PageStore) List(ctx context.Context, onlyPublished bool) ([]SitePage, error) {
	rows, err := s.db.Query(ctx, `SELECT id, slug, title, '', '', status, position, version, updated_at, created_at
		FROM pages WHERE ? = 0 OR status = 'published' ORDER BY position, id`, onlyPublished)
	if err != nil {
		return nil, fmt.Errorf("models: list pages: %w", err)
	}
	defer rows.Close()
	var out []SitePage
	for rows.Next() {
		p, err := scanPage(rows)
		if err != nil {
			return nil, fmt.Errorf("models: scan page: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Create stores a new page at the end of the footer, with its first
// revision. A taken slug is ErrDuplicate.
func (s *PageStore) Create(ctx context.Context, in PageInput, by Editor) (SitePage, error) {
	body, err := renderBody(ctx, s.db, in.BodyMD)
	if err != nil {
		return SitePage{}, fmt.Errorf("models: render page: %w", err)
	}
	now := s.now().Unix()
	var id int64
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		// Site pages are linked from every page's footer.
		changed(tx, TagChrome)
		res, err := tx.ExecContext(ctx, `INSERT INTO pages (slug, title, body_md, body_html, status, position, updated_at, created_at)
			VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM pages), ?, ?)`,
			in.Slug, in.Title, in.BodyMD, string(body), in.Status, now, now)
		if isUnique(err) {
			return ErrDuplicate
		}
		if err != nil {
			return fmt.Errorf("models: create page: %w", err)
		}
		id, _ = res.LastInsertId()
		return pageSnapshot(ctx, tx.Tx, id, by, now)
	})
	return SitePage{ID: id, Slug: in.Slug, Title: in.Title, Status: in.Status, BodyHTML: body, Version: 1}, err
}

// Update saves in over the page when its stored version is still version
// (else ErrConflict) and keeps a revision. A taken slug is ErrDuplicate.
func (s *PageStore) Update(ctx context.Context, id int64, version int, in PageInput, by Editor) error {
	body, err := renderBody(ctx, s.db, in.BodyMD)
	if err != nil {
		return fmt.Errorf("models: render page: %w", err)
	}
	now := s.now().Unix()
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		// Site pages are linked from every page's footer.
		changed(tx, TagChrome)
		res, err := tx.ExecContext(ctx, `UPDATE pages SET slug = ?, title = ?, body_md = ?, body_html = ?, status = ?,
			updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`,
			in.Slug, in.Title, in.BodyMD, string(body), in.Status, now, id, version)
		if isUnique(err) {
			return ErrDuplicate
		}
		if err != nil {
			return fmt.Errorf("models: update page %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if _, err := s.ByID(ctx, id); err != nil {
				return err
			}
			return ErrConflict
		}
		return pageSnapshot(ctx, tx.Tx, id, by, now)
	})
}

// Move swaps the page with its neighbour before it (up) or after it in
// the footer order.
func (s *PageStore) Move(ctx context.Context, id int64, up bool) error {
	cmp, order := ">", "ASC"
	if up {
		cmp, order = "<", "DESC"
	}
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		// Site pages are linked from every page's footer.
		changed(tx, TagChrome)
		var pos int
		if err := tx.QueryRowContext(ctx, `SELECT position FROM pages WHERE id = ?`, id).Scan(&pos); errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		} else if err != nil {
			return fmt.Errorf("models: move page: %w", err)
		}
		var other int64
		var otherPos int
		err := tx.QueryRowContext(ctx, `SELECT id, position FROM pages WHERE position `+cmp+` ? OR (position = ? AND id `+cmp+` ?)
			ORDER BY position `+order+`, id `+order+` LIMIT 1`, pos, pos, id).Scan(&other, &otherPos)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // already first or last
		}
		if err != nil {
			return fmt.Errorf("models: move page: %w", err)
		}
		if otherPos == pos { // equal positions: spread them apart first
			otherPos = pos - 1
			if !up {
				otherPos = pos + 1
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE pages SET position = ? WHERE id = ?`, otherPos, id); err != nil {
			return fmt.Errorf("models: move page: %w", err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE pages SET position = ? WHERE id = ?`, pos, other)
		return err
	})
}

// pageSnapshot records the page as it now stands as a revision.
func pageSnapshot(ctx context.Context, tx *sql.Tx, id int64, by Editor, at int64) error {
	var user any
	if by.ID != 0 {
		user = by.ID
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO page_revisions (page_id, version, user_id, note, title, slug, body_md, status, created_at)
		SELECT id, version, ?, ?, title, slug, body_md, status, ? FROM pages WHERE id = ?`, user, by.Note, at, id)
	if err != nil {
		return fmt.Errorf("models: record page revision: %w", err)
	}
	return nil
}

// PageRevision is a page as it stood after one save.
type PageRevision struct {
	Version   int
	UserName  string
	Note      string
	Title     string
	Status    string
	CreatedAt time.Time
}

// Revisions returns a page's revisions, newest first.
func (s *PageStore) Revisions(ctx context.Context, id int64) ([]PageRevision, error) {
	rows, err := s.db.Query(ctx, `SELECT r.version, COALESCE(u.name, ''), r.note, r.title, r.status, r.created_at
		FROM page_revisions r LEFT JOIN users u ON u.id = r.user_id WHERE r.page_id = ? ORDER BY r.version DESC LIMIT ?`, id, maxRevisions)
	if err != nil {
		return nil, fmt.Errorf("models: page revisions: %w", err)
	}
	defer rows.Close()
	var out []PageRevision
	for rows.Next() {
		var r PageRevision
		var at int64
		if err := rows.Scan(&r.Version, &r.UserName, &r.Note, &r.Title, &r.Status, &at); err != nil {
			return nil, fmt.Errorf("models: scan page revision: %w", err)
		}
		r.CreatedAt = time.Unix(at, 0).UTC()
		out = append(out, r)
	}
	return out, rows.Err()
}
