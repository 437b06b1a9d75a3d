package models

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/newsroom/news/db"
)

// ErrCannotWrite marks a write that failed because the database cannot be
// written just now (read-only, full disk); reading usually goes on.
var ErrCannotWrite = db.ErrCannotWrite

// Options say how Open opens a site's store.
type Options struct {
	// Demo fills a new, empty database with the demo content.
	Demo bool
	// Now is the clock the stores use; time.Now when nil.
	Now func() time.Time
	// Logger reports migrations and the demo fill; nothing when nil.
	Logger *slog.Logger
	// PasswordCost is the bcrypt cost of new passwords and of the dummy
	// compared against for unknown emails; PasswordCost when 0.
	PasswordCost int
	// RenditionBytes bounds the memory kept for resized images (64 MB when
	// 0). ImageMemory is the one budget of memory all decodes and resizes
	// of the process share (ImageMemoryBudget when 0), and ImageJobsWaiting
	// how many image jobs may wait for it before more are refused as busy
	// (ImageJobsWaiting when 0).
	RenditionBytes   int64
	ImageMemory      int64
	ImageJobsWaiting int
}

// Defaults of the image memory budget: more than the largest image allowed
// (MaxImageMemory), so it can run, and small beside the rest of the server;
// past a few jobs waiting, a reader's request for a copy not made yet is
// answered busy.
const (
	ImageMemoryBudget = 512 << 20
	ImageJobsWaiting  = 16
)

// Stores are every store of one site over one database, built once by Open.
type Stores struct {
	Articles   *ArticleStore
	Categories *CategoryStore
	Tags       *TagStore
	Users      *UserStore
	Comments   *CommentStore
	Settings   *SettingsStore
	Audit      *AuditStore
	Setup      *SetupStore
	Sessions   *SessionStore
	Media      *MediaStore
	Renditions *Renditions
	// OldAddresses are the addresses of an imported site, which redirect.
	OldAddresses *OldAddressStore
	// Pages are the site's pages that are not news (About, Contact ...).
	Pages *PageStore
	// Live is live coverage and its entries; Banners the breaking-news banner.
	Live    *LiveStore
	Banners *BannerStore
	// DB is the database itself, for the commands and for tests that
	// check what is stored with plain SQL.
	DB *db.DB
}

// Open opens (creating if needed) and migrates the database at path, fills
// a new one with the demo content when asked, and builds the stores.
func Open(ctx context.Context, path string, o Options) (*Stores, error) {
	d, err := db.Open(path)
	if err != nil {
		return nil, err
	}
	s, err := open(ctx, d, o)
	if err != nil {
		d.Close()
		return nil, err
	}
	return s, nil
}

func open(ctx context.Context, d *db.DB, o Options) (*Stores, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	n, err := d.Migrate(ctx)
	if err != nil {
		return nil, err
	}
	if n > 0 {
		o.Logger.Info("migrated", "applied", n)
	}
	if cleaned, err := NewMediaStore(d, o.Now).StripStoredMetadata(ctx); err != nil {
		return nil, err
	} else if cleaned > 0 {
		o.Logger.Info("removed camera metadata from stored originals", "images", cleaned)
	}
	if n, err = RerenderBodies(ctx, d); err != nil {
		return nil, err
	}
	if n > 0 {
		o.Logger.Info("rendered stored articles again", "changed", n)
	}
	if o.Demo {
		if err := fillDemo(ctx, d, o); err != nil {
			return nil, err
		}
	}
	return NewStores(d, o)
}

func fillDemo(ctx context.Context, d *db.DB, o Options) error {
	empty, err := Empty(ctx, d)
	if err != nil || !empty {
		return err
	}
	content, err := db.DemoContent()
	if err == nil {
		err = SeedDemo(ctx, d, content, o.Now())
	}
	if err != nil {
		return fmt.Errorf("demo content: %w", err)
	}
	o.Logger.Info("filled a new site with demo content", "articles", len(content.Articles))
	return nil
}

// NewStores builds the stores over an open, migrated database.
func NewStores(d *db.DB, o Options) (*Stores, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	pw, err := newPasswords(o.PasswordCost)
	if err != nil {
		return nil, err
	}
	if o.RenditionBytes == 0 {
		o.RenditionBytes = 64 << 20
	}
	if o.ImageMemory == 0 {
		o.ImageMemory = ImageMemoryBudget
	}
	if o.ImageJobsWaiting == 0 {
		o.ImageJobsWaiting = ImageJobsWaiting
	}
	s := &Stores{
		Articles:   NewArticleStore(d, o.Now),
		Categories: NewCategoryStore(d),
		Tags:       NewTagStore(d),
		Users:      &UserStore{db: d, pw: pw},
		Comments:   NewCommentStore(d),
		Settings:   NewSettingsStore(d),
		Audit:      NewAuditStore(d, o.Now),
		Setup:      &SetupStore{db: d, now: o.Now, pw: pw},
		Media:      NewMediaStore(d, o.Now),
		Sessions:   NewSessionStore(d, o.Now),
		Pages:      NewPageStore(d, o.Now),
		Live:       NewLiveStore(d, o.Now),
		Banners:    NewBannerStore(d, o.Now),
		DB:         d,
	}
	s.OldAddresses = NewOldAddressStore(d, s.Articles)
	s.Renditions = NewRenditions(s.Media, o.RenditionBytes, NewMemoryBudget(o.ImageMemory, o.ImageJobsWaiting))
	return s, nil
}

// Close closes the database.
func (s *Stores) Close() error { return s.DB.Close() }

// Changes publishes what each committed write changed, as cache tags,
// this process's writes and (by the change log) other processes'.
func (s *Stores) Changes() Changes { return s.DB }

// Backup writes a consistent copy of the whole site to a new file at path.
func (s *Stores) Backup(ctx context.Context, path string) error { return s.DB.Backup(ctx, path) }

// IntegrityCheck runs SQLite's integrity check on the database file at
// path (a backup, say) and returns its verdict, "ok" when sound.
func IntegrityCheck(ctx context.Context, path string) (string, error) {
	return db.IntegrityCheck(ctx, path)
}
