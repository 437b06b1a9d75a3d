package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// IsPublic reports whether image id may be served to anyone: it was marked
// public, or something published shows it: a live article (not a
// scheduled one) as its lead or in its text, a published page, or the
// staff photo of an author page. The first time a published use is found, the image
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
	var used bool
	err = s.db.QueryRow(ctx, `SELECT `+publishedUse("?1", "?2", "?3"), id, bodyRef(id), s.now().UTC().Unix()).Scan(&used)
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

// publishedUse is the condition that something published shows the image
// whose id is the SQL expression id (like: its address pattern in Markdown;
// now: the time now): a live article as its lead or in its text, a
// published page, or an author's staff photo.
func publishedUse(id, like, now string) string {
	return `(EXISTS (SELECT 1 FROM articles a WHERE (a.lead_media_id = ` + id + ` OR a.body_md LIKE ` + like + `)
		AND a.status = 'published' AND a.published_at <= ` + now + `)
	OR EXISTS (SELECT 1 FROM pages p WHERE p.status = 'published' AND p.body_md LIKE ` + like + `)
	OR EXISTS (SELECT 1 FROM users u WHERE u.photo_media_id = ` + id + ` AND u.disabled = 0))`
}

// visibleTo is the condition (on media m) that user (an SQL expression)
// may see the picture in the newsroom without the right to others' work:
// one they uploaded, one an article they write or co-write shows, or a
// public one. Another author's pictures for an embargoed story stay out of
// sight.
func visibleTo(user, now string) string {
	like := `'%/media/' || m.id || '/%'`
	return `(m.uploader_id = ` + user + ` OR m.public_at IS NOT NULL
	OR EXISTS (SELECT 1 FROM articles a JOIN article_authors aa ON aa.article_id = a.id AND aa.user_id = ` + user + `
		WHERE a.lead_media_id = m.id OR a.body_md LIKE ` + like + `)
	OR ` + publishedUse("m.id", like, now) + `)`
}

// VisibleTo reports whether user may see picture id (see visibleTo).
func (s *MediaStore) VisibleTo(ctx context.Context, id, user int64) (bool, error) {
	var ok bool
	err := s.db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM media m WHERE m.id = ?1 AND `+visibleTo("?2", "?3")+`)`,
		id, user, s.now().UTC().Unix()).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("models: image %d visible: %w", id, err)
	}
	return ok, nil
}
