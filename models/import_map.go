package models

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/newsroom/news/db"
)

// Kinds of imported item in the import map.
const (
	ImportUser    = "user"
	ImportSection = "section"
	ImportArticle = "article"
	ImportComment = "comment"
	ImportMedia   = "media"
)

// ImportKey names an item on the site it was imported from: that site's
// address and the item's id there.
type ImportKey struct {
	Source string
	Kind   string
	ID     int64
}

// ImportEntry is what the import map holds for one item.
type ImportEntry struct {
	LocalID        int64
	SourceModified time.Time
	LocalVersion   int
}

// ImportStore writes imported content together with its import map, each
// item and its map row in one transaction, so an interrupted import can be
// run again.
type ImportStore struct {
	db       *db.DB
	comments *CommentStore
	media    *MediaStore
}

// NewImportStore returns a store over d.
func NewImportStore(d *db.DB, now func() time.Time) *ImportStore {
	return &ImportStore{db: d, comments: NewCommentStore(d), media: NewMediaStore(d, now)}
}

// Lookup returns the map entry of key, or ErrNotFound.
func (s *ImportStore) Lookup(ctx context.Context, key ImportKey) (ImportEntry, error) {
	return lookupImport(ctx, s.db.QueryRow, key)
}

func lookupImport(ctx context.Context, q queryRow, key ImportKey) (ImportEntry, error) {
	var e ImportEntry
	var modified int64
	err := q(ctx, `SELECT local_id, source_modified, local_version FROM import_map
		WHERE source = ? AND kind = ? AND source_id = ?`, key.Source, key.Kind, key.ID).Scan(&e.LocalID, &modified, &e.LocalVersion)
	if errors.Is(err, sql.ErrNoRows) {
		return e, ErrNotFound
	}
	if err != nil {
		return e, fmt.Errorf("models: import map: %w", err)
	}
	e.SourceModified = time.Unix(modified, 0).UTC()
	return e, nil
}

func putImport(ctx context.Context, tx *db.Tx, key ImportKey, e ImportEntry) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO import_map (source, kind, source_id, local_id, source_modified, local_version)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, kind, source_id) DO UPDATE SET local_id = excluded.local_id,
		source_modified = excluded.source_modified, local_version = excluded.local_version`,
		key.Source, key.Kind, key.ID, e.LocalID, e.SourceModified.Unix(), e.LocalVersion)
	if err != nil {
		return fmt.Errorf("models: import map: %w", err)
	}
	return nil
}

// ImportUser finds or makes the staff member key names. An account with
// the same email already on the site is taken as that person (existing is
// true); otherwise a new one is made without a password, so it cannot sign
// in until an admin sets one, its slug made unique.
func (s *ImportStore) ImportUser(ctx context.Context, key ImportKey, in UserInput) (u User, existing bool, err error) {
	if e, err := s.Lookup(ctx, key); err == nil {
		u, err := NewUserStore(s.db).ByID(ctx, e.LocalID)
		if err == nil {
			return u, true, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return u, false, err
		}
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE email = ?`, in.Email).
			Scan(userDest(&u, new(int64))...)
		if err == nil {
			existing = true
		} else if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("models: user by email: %w", err)
		} else if u, err = insertUnique(ctx, tx, in); err != nil {
			return err
		}
		return putImport(ctx, tx, key, ImportEntry{LocalID: u.ID})
	})
	return u, existing, err
}

// insertUnique inserts a user without a password, adding -2, -3 ... to its
// slug until one is free.
func insertUnique(ctx context.Context, tx *db.Tx, in UserInput) (User, error) {
	base := in.Slug
	if base == "" {
		base = Slugify(in.Name)
	}
	now := time.Now().UTC()
	for i := 1; i <= maxSlugTries; i++ {
		slug := base
		if i > 1 {
			slug = fmt.Sprintf("%s-%d", base, i)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO users (email, name, slug, bio, role, created_at)
			VALUES (?, ?, ?, '', ?, ?) ON CONFLICT (slug) DO NOTHING`, in.Email, in.Name, slug, in.Role, now.Unix())
		if err != nil {
			return User{}, fmt.Errorf("models: import user: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			continue
		}
		id, _ := res.LastInsertId()
		return User{ID: id, Email: in.Email, Name: in.Name, Slug: slug, Role: in.Role, CreatedAt: now}, nil
	}
	return User{}, ErrDuplicate
}

// ImportSection finds or makes the section key names: one already on the
// site with the same slug is taken (existing is true).
func (s *ImportStore) ImportSection(ctx context.Context, key ImportKey, in CategoryInput) (c Category, existing bool, err error) {
	cats := NewCategoryStore(s.db)
	if e, err := s.Lookup(ctx, key); err == nil {
		if c, err := cats.ByID(ctx, e.LocalID); err == nil {
			return c, true, nil
		}
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		err := scanOne(tx.QueryRowContext(ctx, `SELECT id, slug, name, description, position FROM categories WHERE slug = ?`, in.Slug),
			&c.ID, &c.Slug, &c.Name, &c.Description, &c.Position)
		if err == nil {
			existing = true
		} else if !errors.Is(err, ErrNotFound) {
			return err
		} else {
			err := tx.QueryRowContext(ctx, `INSERT INTO categories (slug, name, description, position)
				VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM categories)) RETURNING id, position`,
				in.Slug, in.Name, in.Description).Scan(&c.ID, &c.Position)
			if err != nil {
				return fmt.Errorf("models: import section: %w", err)
			}
			c.Slug, c.Name, c.Description = in.Slug, in.Name, in.Description
		}
		return putImport(ctx, tx, key, ImportEntry{LocalID: c.ID})
	})
	return c, existing, err
}

// ImportMedia finds or stores the picture key names. A picture whose bytes
// the library already holds (by content hash) is that picture, stored once;
// created is true only when a new one was stored.
func (s *ImportStore) ImportMedia(ctx context.Context, key ImportKey, in MediaInput) (m Media, created bool, err error) {
	if e, err := s.Lookup(ctx, key); err == nil {
		if m, err := s.media.Get(ctx, e.LocalID); err == nil {
			return m, false, nil
		}
	}
	sum := sha256.Sum256(in.Data)
	var id int64
	err = s.db.QueryRow(ctx, `SELECT id FROM media WHERE sha256 = ? ORDER BY id LIMIT 1`, hex.EncodeToString(sum[:])).Scan(&id)
	switch {
	case err == nil:
		m, err = s.media.Get(ctx, id)
	case errors.Is(err, sql.ErrNoRows):
		created = true
		m, err = s.media.Create(ctx, in)
	}
	if err != nil {
		return Media{}, false, err
	}
	if key.ID == 0 {
		return m, created, nil
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error { return putImport(ctx, tx, key, ImportEntry{LocalID: m.ID}) })
	return m, created, err
}
