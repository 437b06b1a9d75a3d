package models

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/newsroom/news/models/imaging"
)

// StripStoredMetadata removes EXIF, XMP and IPTC data from originals stored
// before uploads were cleaned (metadata_checked = 0), one image at a time,
// and returns how many it changed. The orientation was read into the record
// when the image was stored, so nothing the resizer needs is lost. The old
// bytes are overwritten in the file, not only unlinked.
func (s *MediaStore) StripStoredMetadata(ctx context.Context) (int, error) {
	changed := 0
	for {
		var id int64
		var typ string
		var data []byte
		err := s.db.QueryRow(ctx, `SELECT id, type, data FROM media WHERE metadata_checked = 0 ORDER BY id LIMIT 1`).
			Scan(&id, &typ, &data)
		if errors.Is(err, sql.ErrNoRows) {
			return changed, nil
		}
		if err != nil {
			return changed, fmt.Errorf("models: originals to clean: %w", err)
		}
		clean, removed := imaging.StripMetadata(data, typ)
		sum := sha256.Sum256(clean)
		// One writer connection: the pragma holds for the update after it.
		if _, err := s.db.Exec(ctx, `PRAGMA secure_delete = ON`); err != nil {
			return changed, fmt.Errorf("models: clean original %d: %w", id, err)
		}
		_, err = s.db.Exec(ctx, `UPDATE media SET data = ?, size = ?, sha256 = ?, metadata_removed = ?,
			metadata_checked = 1 WHERE id = ?`, clean, len(clean), hex.EncodeToString(sum[:]), removed, id)
		if _, offErr := s.db.Exec(ctx, `PRAGMA secure_delete = OFF`); err == nil {
			err = offErr
		}
		if err != nil {
			return changed, fmt.Errorf("models: clean original %d: %w", id, err)
		}
		if removed != "" {
			changed++
		}
	}
}
