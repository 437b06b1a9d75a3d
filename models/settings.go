package models

import (
	"context"
	"fmt"
	"time"

	"github.com/newsroom/news/db"
)

// Moderation modes for new comments.
const (
	ModerateAll     = "all"     // hold every comment
	ModerateUnknown = "unknown" // hold commenters with no approved comment yet
	ModerateNone    = "none"    // publish at once
)

// SocialLink is one of the site's accounts shown under Stay Connected.
type SocialLink struct {
	Key  string // settings key suffix: facebook, x, ...
	Name string // accessible name: "Facebook"
	URL  string
}

// SocialNetworks lists the accounts an admin can set, in display order.
var SocialNetworks = []struct{ Key, Name string }{
	{"facebook", "Facebook"},
	{"x", "X"},
	{"youtube", "YouTube"},
	{"instagram", "Instagram"},
	{"linkedin", "LinkedIn"},
	{"telegram", "Telegram"},
	{"rss", "RSS"},
}

// Settings are the site-wide options an admin edits.
type Settings struct {
	SiteName       string
	Tagline        string
	TimeZone       string
	Social         map[string]string // key from SocialNetworks to URL
	ModerationMode string
	HeldWords      string // one word or phrase a line
	AutoCloseDays  int    // 0: comments never close by age
}

// DefaultSettings are what a new site starts with.
func DefaultSettings() Settings {
	return Settings{
		SiteName:       "The Daily Ledger",
		Tagline:        "Independent news, every day",
		TimeZone:       "UTC",
		Social:         map[string]string{},
		ModerationMode: ModerateAll,
	}
}

// Location is the site's time zone, UTC when the name is unknown.
func (s Settings) Location() *time.Location {
	loc, err := time.LoadLocation(s.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// SocialLinks are the configured accounts in display order.
func (s Settings) SocialLinks() []SocialLink {
	var out []SocialLink
	for _, n := range SocialNetworks {
		if u := s.Social[n.Key]; u != "" {
			out = append(out, SocialLink{Key: n.Key, Name: n.Name, URL: u})
		}
	}
	return out
}

// SettingsStore loads and saves Settings.
type SettingsStore struct{ db *db.DB }

// NewSettingsStore returns a store over d.
func NewSettingsStore(d *db.DB) *SettingsStore { return &SettingsStore{db: d} }

// Get returns the settings, defaults filled in for keys never saved.
func (s *SettingsStore) Get(ctx context.Context) (Settings, error) {
	st := DefaultSettings()
	rows, err := s.db.Query(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return st, fmt.Errorf("models: load settings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return st, fmt.Errorf("models: scan setting: %w", err)
		}
		st.apply(k, v)
	}
	return st, rows.Err()
}

func (s *Settings) apply(k, v string) {
	switch k {
	case "site_name":
		s.SiteName = v
	case "tagline":
		s.Tagline = v
	case "time_zone":
		s.TimeZone = v
	case "moderation_mode":
		s.ModerationMode = v
	case "held_words":
		s.HeldWords = v
	case "auto_close_days":
		fmt.Sscan(v, &s.AutoCloseDays)
	default:
		if len(k) > 7 && k[:7] == "social_" {
			s.Social[k[7:]] = v
		}
	}
}

func (s Settings) pairs() [][2]string {
	p := [][2]string{
		{"site_name", s.SiteName},
		{"tagline", s.Tagline},
		{"time_zone", s.TimeZone},
		{"moderation_mode", s.ModerationMode},
		{"held_words", s.HeldWords},
		{"auto_close_days", fmt.Sprint(s.AutoCloseDays)},
	}
	for _, n := range SocialNetworks {
		p = append(p, [2]string{"social_" + n.Key, s.Social[n.Key]})
	}
	return p
}

// Save stores every setting in one transaction.
func (s *SettingsStore) Save(ctx context.Context, st Settings) error {
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		// The settings show on every page.
		changed(tx, TagChrome, TagFeeds, TagSitemaps)
		return saveSettings(ctx, tx, st)
	})
}

func saveSettings(ctx context.Context, tx *db.Tx, st Settings) error {
	for _, kv := range st.pairs() {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, kv[0], kv[1])
		if err != nil {
			return fmt.Errorf("models: save setting %s: %w", kv[0], err)
		}
	}
	return nil
}
