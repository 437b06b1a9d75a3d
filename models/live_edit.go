package models

import (
	"context"
	"database/sql"

	"fmt"
	"github.com/newsroom/news/db"
)

// keepEntryRevision stores entry id as it is now, before a change by userID.
func keepEntryRevision(ctx context.Context, tx *db.Tx, id, userID int64, note string, now int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO live_entry_revisions (entry_id, version, user_id, note, body_md, media_id, caption, pinned, created_at)
		SELECT id, version, ?, ?, body_md, media_id, caption, pinned, ? FROM live_entries WHERE id = ?`,
		nullID(userID), note, now, id)
	return err
}

// changeEntry keeps a revision of entry id, then runs the update q (with
// args) if the entry is still at version; ErrConflict if someone changed
// it since, ErrNotFound if it is gone.
func (s *LiveStore) changeEntry(ctx context.Context, id int64, version int, userID int64, note, q string, args ...any) error {
	now := s.now().Unix()
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		var cur int
		var articleID int64
		err := tx.QueryRowContext(ctx, `SELECT version, article_id FROM live_entries WHERE id = ? AND removed_at IS NULL`, id).Scan(&cur, &articleID)
		if err == sql.ErrNoRows {
			return ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("models: load live entry: %w", err)
		}
		if version != 0 && cur != version {
			return ErrConflict
		}
		if err := keepEntryRevision(ctx, tx, id, userID, note, now); err != nil {
			return fmt.Errorf("models: keep entry revision: %w", err)
		}
		if _, err := tx.ExecContext(ctx, q, append([]any{now}, append(args, id)...)...); err != nil {
			return fmt.Errorf("models: %s live entry: %w", note, err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE articles SET updated_at = ? WHERE id = ?`, now, articleID)
		changed(tx, LiveEntriesTag(articleID))
		return err
	})
}

// Update replaces an entry's text and picture if it is still at version
// (the one the editor opened); the earlier text is kept as a revision.
func (s *LiveStore) Update(ctx context.Context, id int64, version int, in EntryInput) (LiveEntry, error) {
	html, err := in.check()
	if err != nil {
		return LiveEntry{}, err
	}
	err = s.changeEntry(ctx, id, version, in.UserID, "edit", `UPDATE live_entries SET updated_at = ?, version = version + 1,
		body_md = ?, body_html = ?, media_id = ?, caption = ? WHERE id = ?`,
		in.BodyMD, string(html), nullID(in.MediaID), in.Caption)
	if err != nil {
		return LiveEntry{}, err
	}
	return s.Entry(ctx, id)
}

// Remove hides an entry from readers; the row and its revisions stay.
func (s *LiveStore) Remove(ctx context.Context, id, userID int64) error {
	return s.changeEntry(ctx, id, 0, userID, "remove",
		`UPDATE live_entries SET updated_at = ?1, version = version + 1, removed_at = ?1 WHERE id = ?2`)
}

// SetPinned puts an entry among the key events, or takes it out.
func (s *LiveStore) SetPinned(ctx context.Context, id, userID int64, pinned bool) error {
	note := "unpin"
	if pinned {
		note = "pin"
	}
	return s.changeEntry(ctx, id, 0, userID, note,
		`UPDATE live_entries SET updated_at = ?, version = version + 1, pinned = ? WHERE id = ?`, pinned)
}

// EntryRevisions counts the kept revisions of an entry.
func (s *LiveStore) EntryRevisions(ctx context.Context, id int64) (int, error) {
	var n int
	err := s.db.QueryRow(ctx, `SELECT count(*) FROM live_entry_revisions WHERE entry_id = ?`, id).Scan(&n)
	return n, err
}
