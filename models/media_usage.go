package models

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/models/imaging"
)

// Srcset lists the image's served copies for a srcset attribute: each
// standard width narrower than the original, then one at the original's
// own width (or the widest standard width).
func (m Media) Srcset() string {
	var b strings.Builder
	for _, w := range imaging.ImageWidths {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		if w >= m.Width {
			b.WriteString(m.URL(w) + " " + strconv.Itoa(m.Width) + "w")
			return b.String()
		}
		b.WriteString(m.URL(w) + " " + strconv.Itoa(w) + "w")
	}
	return b.String()
}

// BodyMarkdown is the Markdown that shows the image in an article's body,
// with its caption and credit as the image's title.
func (m Media) BodyMarkdown() string {
	alt := strings.NewReplacer(`[`, `\[`, `]`, `\]`, "\n", " ").Replace(m.Alt)
	title := strings.TrimSpace(strings.Join(nonEmpty(m.Caption, m.Credit), " · "))
	md := "![" + alt + "](" + m.URL(1280)
	if title != "" {
		md += ` "` + strings.NewReplacer(`"`, `'`, "\n", " ").Replace(title) + `"`
	}
	return md + ")"
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// MediaUse is one article that shows an image.
type MediaUse struct {
	ArticleID int64
	Title     string
	Status    string
	Lead      bool // as its lead image; otherwise in its body
}

// bodyRef is the LIKE pattern of an image's address inside Markdown. The
// slash after the id keeps /media/1/ from matching /media/12/.
func bodyRef(id int64) string { return "%/media/" + strconv.FormatInt(id, 10) + "/%" }

// Usage lists the articles that use an image, as lead image or in their
// body, newest first.
func (s *MediaStore) Usage(ctx context.Context, id int64) ([]MediaUse, error) {
	rows, err := s.db.Query(ctx, `SELECT id, title, status, COALESCE(lead_media_id = ?1, 0)
		FROM articles WHERE lead_media_id = ?1 OR body_md LIKE ?2
		ORDER BY created_at DESC, id DESC`, id, bodyRef(id))
	if err != nil {
		return nil, fmt.Errorf("models: image %d usage: %w", id, err)
	}
	defer rows.Close()
	var out []MediaUse
	for rows.Next() {
		var u MediaUse
		if err := rows.Scan(&u.ArticleID, &u.Title, &u.Status, &u.Lead); err != nil {
			return nil, fmt.Errorf("models: scan image usage: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Delete removes an image. While articles use it, it refuses with
// ErrMediaInUse unless confirmed; confirmed, articles that led with it lose
// their lead image (their body keeps the now broken reference, which the
// usage list showed before the editor confirmed).
func (s *MediaStore) Delete(ctx context.Context, id int64, confirmed bool) error {
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		var uses int
		err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE lead_media_id = ? OR body_md LIKE ?`,
			id, bodyRef(id)).Scan(&uses)
		if err != nil {
			return fmt.Errorf("models: image %d usage: %w", id, err)
		}
		if uses > 0 && !confirmed {
			return ErrMediaInUse
		}
		if err := imageUsersChanged(ctx, tx, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM media WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("models: delete image %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
}

// SetLead makes an image an article's lead image; mediaID 0 removes it. An
// image without alt text is refused with ErrAltRequired.
//
// It keeps no revision: it is for content put in place whole (the demo);
// the newsroom uses SetLeadBy.
func (s *MediaStore) SetLead(ctx context.Context, articleID, mediaID int64) error {
	lead, err := s.leadValue(ctx, mediaID)
	if err != nil {
		return err
	}
	res, err := execChanged(ctx, s.db, []CacheTag{ArticleTag(articleID)},
		`UPDATE articles SET lead_media_id = ? WHERE id = ?`, lead, articleID)
	if err != nil {
		return fmt.Errorf("models: set lead image of article %d: %w", articleID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// LeadFor returns an article's lead image, or ErrNotFound when it has none.
func (s *MediaStore) LeadFor(ctx context.Context, articleID int64) (Media, error) {
	leads, err := s.LeadsFor(ctx, []int64{articleID})
	if err != nil {
		return Media{}, err
	}
	m, ok := leads[articleID]
	if !ok {
		return Media{}, ErrNotFound
	}
	return m, nil
}

// LeadsFor returns the lead images of the given articles, by article id;
// articles without one are absent.
func (s *MediaStore) LeadsFor(ctx context.Context, articleIDs []int64) (map[int64]Media, error) {
	out := map[int64]Media{}
	if len(articleIDs) == 0 {
		return out, nil
	}
	args := make([]any, len(articleIDs))
	for i, id := range articleIDs {
		args[i] = id
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(args)), ",")
	rows, err := s.db.Query(ctx, `SELECT a.id, `+mediaCols+mediaJoin+
		`JOIN articles a ON a.lead_media_id = m.id WHERE a.id IN (`+marks+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("models: lead images: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var aid int64
		m, err := scanMedia(rows, &aid)
		if err != nil {
			return nil, fmt.Errorf("models: scan lead image: %w", err)
		}
		out[aid] = m
	}
	return out, rows.Err()
}

// bodyImageRe finds library image addresses in Markdown.
var bodyImageRe = regexp.MustCompile(`/media/([0-9]{1,18})/`)

// ErrMediaMissing means an article's text shows a library image that does
// not exist (any more).
var ErrMediaMissing = errors.New("models: the text shows an image that is not in the library")

// BodyImageError names the image of an article's text that cannot be used;
// it wraps ErrAltRequired or ErrMediaMissing.
type BodyImageError struct {
	MediaID int64
	Err     error
}

func (e *BodyImageError) Error() string { return fmt.Sprintf("%v (image %d)", e.Err, e.MediaID) }

// Unwrap returns ErrAltRequired or ErrMediaMissing.
func (e *BodyImageError) Unwrap() error { return e.Err }

// CheckBody checks the library images an article's Markdown shows: each
// must exist and have alt text. Saving an article calls it so that an image
// pasted in without alt text is refused with a *BodyImageError.
func (s *MediaStore) CheckBody(ctx context.Context, md string) error {
	seen := map[int64]bool{}
	for _, m := range bodyImageRe.FindAllStringSubmatch(md, 200) {
		id, err := strconv.ParseInt(m[1], 10, 64)
		if err != nil || seen[id] {
			continue
		}
		seen[id] = true
		img, err := s.Get(ctx, id)
		if errors.Is(err, ErrNotFound) {
			return &BodyImageError{MediaID: id, Err: ErrMediaMissing}
		}
		if err != nil {
			return err
		}
		if img.Alt == "" {
			return &BodyImageError{MediaID: id, Err: ErrAltRequired}
		}
	}
	return nil
}

// leadValue is what lead_media_id is set to for image mediaID: NULL for 0,
// ErrAltRequired for an image without alt text.
func (s *MediaStore) leadValue(ctx context.Context, mediaID int64) (any, error) {
	if mediaID == 0 {
		return nil, nil
	}
	m, err := s.Get(ctx, mediaID)
	if err != nil {
		return nil, err
	}
	if m.Alt == "" {
		return nil, ErrAltRequired
	}
	return mediaID, nil
}
