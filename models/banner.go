package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsroom/news/db"
)

// Limits on the breaking-news banner.
const (
	MaxBannerText = 200
	MaxBannerLink = 500
	// MaxBannerHours is the longest a banner may stay up.
	MaxBannerHours = 48
)

// ErrBanner means the banner's text, link or end time is not acceptable.
var ErrBanner = errors.New("models: a banner needs text (at most 200 characters), a link starting with / or http(s):// and an end within 48 hours")

// Banner is the breaking-news line shown at the top of every reader page
// until EndsAt.
type Banner struct {
	Text     string
	Link     string
	EndsAt   time.Time
	RaisedAt time.Time
	RaisedBy string
}

// BannerStore keeps the one banner.
type BannerStore struct {
	db  *db.DB
	now func() time.Time
}

// NewBannerStore returns a store over d; now decides whether the banner
// has ended.
func NewBannerStore(d *db.DB, now func() time.Time) *BannerStore {
	return &BannerStore{db: d, now: now}
}

// Current returns the banner showing now, or ErrNotFound when none is.
func (s *BannerStore) Current(ctx context.Context) (Banner, error) {
	var b Banner
	var ends, raised int64
	err := s.db.QueryRow(ctx, `SELECT b.text, b.link, b.ends_at, b.raised_at, COALESCE(u.name, '')
		FROM banner b LEFT JOIN users u ON u.id = b.raised_by WHERE b.ends_at > ?`, s.now().Unix()).
		Scan(&b.Text, &b.Link, &ends, &raised, &b.RaisedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return b, ErrNotFound
	}
	if err != nil {
		return b, fmt.Errorf("models: banner: %w", err)
	}
	b.EndsAt, b.RaisedAt = time.Unix(ends, 0).UTC(), time.Unix(raised, 0).UTC()
	return b, nil
}

// CheckBanner trims b and reports ErrBanner if it cannot be raised at now.
func CheckBanner(b *Banner, now time.Time) error {
	b.Text, b.Link = strings.TrimSpace(b.Text), strings.TrimSpace(b.Link)
	n := utf8.RuneCountInString(b.Text)
	if n == 0 || n > MaxBannerText || !utf8.ValidString(b.Text) || len(b.Link) > MaxBannerLink {
		return ErrBanner
	}
	if !b.EndsAt.After(now) || b.EndsAt.After(now.Add(MaxBannerHours*time.Hour)) {
		return ErrBanner
	}
	if b.Link == "" {
		return nil
	}
	u, err := url.Parse(b.Link)
	if err != nil {
		return ErrBanner
	}
	local := strings.HasPrefix(b.Link, "/") && !strings.HasPrefix(b.Link, "//")
	if !local && !((u.Scheme == "https" || u.Scheme == "http") && u.Host != "") {
		return ErrBanner
	}
	return nil
}

// Raise puts b up in place of any banner, raised by userID.
func (s *BannerStore) Raise(ctx context.Context, b Banner, userID int64) error {
	now := s.now()
	if err := CheckBanner(&b, now); err != nil {
		return err
	}
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		changed(tx, TagChrome) // it is on every page
		_, err := tx.ExecContext(ctx, `INSERT INTO banner (id, text, link, ends_at, raised_by, raised_at) VALUES (1, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET text = excluded.text, link = excluded.link, ends_at = excluded.ends_at,
		raised_by = excluded.raised_by, raised_at = excluded.raised_at`,
			b.Text, b.Link, b.EndsAt.Unix(), nullID(userID), now.Unix())
		return err
	})
	if err != nil {
		return fmt.Errorf("models: raise banner: %w", err)
	}
	return nil
}

// Lower takes the banner down; ErrNotFound if none was up.
func (s *BannerStore) Lower(ctx context.Context) error {
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM banner WHERE ends_at > ?`, s.now().Unix())
		changed(tx, TagChrome)
		return oneRow(res, err, "lower banner")
	})
}
