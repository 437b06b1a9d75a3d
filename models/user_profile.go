package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// ProfileInput is what readers see of a person, as typed: the name of
// their byline, job title, bio and a photo from the media library.
type ProfileInput struct {
	Name     string
	JobTitle string
	Bio      string
	PhotoID  int64 // 0: no photo
}

// Limits of a profile's fields, in characters.
const (
	MaxJobTitleLen = 100
	MaxBioLen      = 1000
)

// PhotoURL is the address of the person's photo about width pixels wide,
// or "" when they have none.
func (u User) PhotoURL(width int) string {
	if u.PhotoID == 0 {
		return ""
	}
	return Media{ID: u.PhotoID, Format: u.photoFormat}.URL(width)
}

// SetProfile saves a user's name, job title, bio and photo. A photo that
// is not in the library is ErrNotFound; one without alt text,
// ErrAltRequired.
func (s *UserStore) SetProfile(ctx context.Context, id int64, in ProfileInput) error {
	var photo any
	if in.PhotoID != 0 {
		var alt string
		err := s.db.QueryRow(ctx, `SELECT alt FROM media WHERE id = ?`, in.PhotoID).Scan(&alt)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("models: profile photo: %w", err)
		}
		if strings.TrimSpace(alt) == "" {
			return ErrAltRequired
		}
		photo = in.PhotoID
	}
	// Name, title and photo show beside every byline of theirs: drop every
	// page (chrome) rather than name each of their articles, as SetName does.
	res, err := execChanged(ctx, s.db, []CacheTag{AuthorTag(id), TagChrome, TagFeeds},
		`UPDATE users SET name = ?, job_title = ?, bio = ?, photo_media_id = ? WHERE id = ?`,
		in.Name, strings.TrimSpace(in.JobTitle), strings.TrimSpace(in.Bio), photo, id)
	if err != nil {
		return fmt.Errorf("models: save profile: %w", err)
	}
	return mustAffect(res)
}
