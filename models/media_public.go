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

// visibleTo is the condition (on media m) that the picture is one user ?
// (given twice, then the time now) may see in the newsroom without the
// right to others' work: one they uploaded, one an article they write
// shows, or one that is public or that a live article shows. Another
// author's pictures for an embargoed story stay out of sight.
const visibleTo = `(m.uploader_id = ? OR m.public_at IS NOT NULL
	OR EXISTS (SELECT 1 FROM articles a WHERE (a.lead_media_id = m.id OR a.body_md LIKE '%/media/' || m.id || '/%')
		AND (a.author_id = ? OR (a.status = 'published' AND a.published_at <= ?))))`

// VisibleTo reports whether user may see picture id (see visibleTo).
func (s *MediaStore) VisibleTo(ctx context.Context, id, user int64) (bool, error) {
	var ok bool
	err := s.db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM media m WHERE m.id = ? AND `+visibleTo+`)`,
		id, user, user, s.now().UTC().Unix()).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("models: image %d visible: %w", id, err)
	}
	return ok, nil
}
