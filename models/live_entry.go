package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"html/template"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsroom/news/db"
)

// MaxEntryLen is the longest an entry's Markdown may be, in characters.
const MaxEntryLen = 5000

// LiveEntry is one timed update of a live article.
type LiveEntry struct {
	ID         int64
	ArticleID  int64
	AuthorID   int64
	AuthorName string
	BodyMD     string
	BodyHTML   template.HTML
	Picture    *Media // nil without one
	Caption    string
	Pinned     bool
	Version    int
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Anchor is the entry's id in the page, for its permalink (#entry-ID).
func (e LiveEntry) Anchor() string { return fmt.Sprintf("entry-%d", e.ID) }

// Edited reports whether the entry changed after it was posted.
func (e LiveEntry) Edited() bool { return e.Version > 1 }

// EntryInput is what an editor writes: the text, and optionally a picture
// from the library with a caption.
type EntryInput struct {
	ArticleID int64
	UserID    int64
	BodyMD    string
	MediaID   int64
	Caption   string
}

func (in *EntryInput) check() (template.HTML, error) {
	in.BodyMD = strings.TrimSpace(strings.ReplaceAll(in.BodyMD, "\r\n", "\n"))
	in.Caption = strings.TrimSpace(in.Caption)
	if in.BodyMD == "" || utf8.RuneCountInString(in.BodyMD) > MaxEntryLen || !utf8.ValidString(in.BodyMD) {
		return "", ErrEntryText
	}
	if utf8.RuneCountInString(in.Caption) > MaxCaptionLen || !utf8.ValidString(in.Caption) {
		return "", ErrMediaText
	}
	return RenderMarkdown(in.BodyMD)
}

const entryCols = `e.id, e.article_id, COALESCE(e.author_id, 0), COALESCE(u.name, ''), e.body_md, e.body_html,
	COALESCE(e.media_id, 0), e.caption, e.pinned, e.version, e.created_at, e.updated_at,
	COALESCE(m.width, 0), COALESCE(m.height, 0), COALESCE(m.alt, ''), COALESCE(m.format, ''), COALESCE(m.filename, '')`

const entryJoins = ` FROM live_entries e LEFT JOIN users u ON u.id = e.author_id LEFT JOIN media m ON m.id = e.media_id `

func scanEntry(row interface{ Scan(...any) error }) (LiveEntry, error) {
	var e LiveEntry
	var body string
	var mediaID int64
	var created, updated int64
	var m Media
	err := row.Scan(&e.ID, &e.ArticleID, &e.AuthorID, &e.AuthorName, &e.BodyMD, &body, &mediaID, &e.Caption,
		&e.Pinned, &e.Version, &created, &updated, &m.Width, &m.Height, &m.Alt, &m.Format, &m.Filename)
	if err != nil {
		return e, err
	}
	e.BodyHTML = trustedHTML(body)
	if mediaID != 0 {
		m.ID = mediaID
		e.Picture = &m
	}
	e.CreatedAt = time.Unix(created, 0).UTC()
	e.UpdatedAt = time.Unix(updated, 0).UTC()
	return e, nil
}

func (s *LiveStore) entries(ctx context.Context, q string, args ...any) ([]LiveEntry, error) {
	rows, err := s.db.Query(ctx, `SELECT `+entryCols+entryJoins+q, args...)
	if err != nil {
		return nil, fmt.Errorf("models: query live entries: %w", err)
	}
	defer rows.Close()
	var out []LiveEntry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, fmt.Errorf("models: scan live entry: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Entries returns an article's entries, newest first, without those removed.
func (s *LiveStore) Entries(ctx context.Context, articleID int64) ([]LiveEntry, error) {
	return s.entries(ctx, `WHERE e.article_id = ? AND e.removed_at IS NULL ORDER BY e.id DESC`, articleID)
}

// EntriesAfter returns up to n of an article's entries posted after the
// entry afterID, oldest first: what a reader who saw afterID missed.
func (s *LiveStore) EntriesAfter(ctx context.Context, articleID, afterID int64, n int) ([]LiveEntry, error) {
	return s.entries(ctx, `WHERE e.article_id = ? AND e.id > ? AND e.removed_at IS NULL ORDER BY e.id LIMIT ?`,
		articleID, afterID, n)
}

// Entry returns one entry, removed or not, or ErrNotFound.
func (s *LiveStore) Entry(ctx context.Context, id int64) (LiveEntry, error) {
	e, err := scanEntry(s.db.QueryRow(ctx, `SELECT `+entryCols+entryJoins+`WHERE e.id = ? AND e.removed_at IS NULL`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, ErrNotFound
	}
	if err != nil {
		return e, fmt.Errorf("models: live entry %d: %w", id, err)
	}
	return e, nil
}

// Post adds an entry to a live article and marks the article updated (its
// feed item and sitemap entry change). Two posts never touch each other.
func (s *LiveStore) Post(ctx context.Context, in EntryInput) (LiveEntry, error) {
	html, err := in.check()
	if err != nil {
		return LiveEntry{}, err
	}
	now := s.now().Unix()
	var id int64
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE articles SET updated_at = ? WHERE id = ? AND live_start IS NOT NULL AND live_end IS NULL`,
			now, in.ArticleID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotLive
		}
		changed(tx, LiveEntriesTag(in.ArticleID))
		return tx.QueryRowContext(ctx, `INSERT INTO live_entries (article_id, author_id, body_md, body_html, media_id, caption, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			in.ArticleID, nullID(in.UserID), in.BodyMD, string(html), nullID(in.MediaID), in.Caption, now, now).Scan(&id)
	})
	if err != nil {
		return LiveEntry{}, fmt.Errorf("models: post live entry: %w", err)
	}
	return s.Entry(ctx, id)
}

// Summary is the start of the entry's text as plain text, for the list of
// key events.
func (e LiveEntry) Summary() string {
	s := strings.Join(strings.Fields(PlainText(e.BodyHTML)), " ")
	if utf8.RuneCountInString(s) <= 120 {
		return s
	}
	r := []rune(s)[:120]
	return strings.TrimSpace(string(r)) + "…"
}

// Newest returns the id of an article's newest entry, 0 when it has none.
func (s *LiveStore) Newest(ctx context.Context, articleID int64) (int64, error) {
	var id int64
	err := s.db.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM live_entries WHERE article_id = ?`, articleID).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("models: newest entry of %d: %w", articleID, err)
	}
	return id, nil
}
