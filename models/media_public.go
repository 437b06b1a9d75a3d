package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// IsPublic reports whether image id may be served to anyone: it was marked
// public, or a published article (live, not scheduled) leads with it or
// shows it in its text. The first time a published use is found, the image
// stays public from then on, because its address may be cached for a year.
// An unknown image is ErrNotFound.
func (s *MediaStore) IsPublic(ctx context.Context, id int64) (bool, error) {
	var publicAt sql.NullInt64
	err := s.db.QueryRow(ctx, `SELECT public_at FROM media WHERE id = ?`, id).Scan(&publicAt)
	if errors.Is(err, sql.ErrNoRows) {
		return false, ErrNotFound
	}
	if err != nil {
		return false, fmt.Errorf("models: image %d public: %w", id, err)
	}
	if publicAt.Valid {
		return true, nil
	}
	now := s.now().UTC().Unix()
	var used bool
	err = s.db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles a
		WHERE (a.lead_media_id = ? OR a.body_md LIKE ?) AND`+visible+`)`, id, bodyRef(id), now).Scan(&used)
	if err != nil {
		return false, fmt.Errorf("models: image %d uses: %w", id, err)
	}
	if !used {
		return false, nil
	}
	return true, s.MarkPublic(ctx, id)
}

// MarkPublic makes image id public for good, as an editor may before
// anything published uses it.
func (s *MediaStore) MarkPublic(ctx context.Context, id int64) error {
	_, err := s.db.Exec(ctx, `UPDATE media SET public_at = ? WHERE id = ? AND public_at IS NULL`, s.now().UTC().Unix(), id)
	if err != nil {
		return fmt.Errorf("models: mark image %d public: %w", id, err)
	}
	return nil
}
