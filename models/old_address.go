package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/newsroom/news/db"
)

// Kinds of target an old address leads to.
const (
	OldArticle = "article"
	OldSection = "section"
	OldTag     = "tag"
	OldAuthor  = "author"
	OldMedia   = "media"
	OldPath    = "path"
	OldPage    = "page"
)

// OldAddress is an address of the site this one replaced and what it now
// leads to.
type OldAddress struct {
	Path     string // as the old site wrote it; see OldAddressKey
	Kind     string
	TargetID int64
	Suffix   string
}

// OldAddressQueries are the query parameters WordPress answers on its front
// page (/?p=123): an old address with one of them is keyed by it.
var OldAddressQueries = []string{"p", "page_id", "attachment_id", "cat", "tag", "author", "feed"}

// OldAddressKey is how an old address is stored and looked up: the path
// percent-decoded (so %E2%80%9C, %e2%80%9c and the raw UTF-8 are one key),
// without the trailing slash; or "/?p=123" for the front page's query forms.
func OldAddressKey(path string, query url.Values) string {
	if dec, err := url.PathUnescape(path); err == nil {
		path = dec
	}
	path = "/" + strings.Trim(path, "/")
	if path == "/" || path == "/index.php" {
		for _, q := range OldAddressQueries {
			if v := query.Get(q); v != "" {
				return "/?" + q + "=" + v
			}
		}
	}
	return path
}

// OldAddressStore keeps the old site's addresses.
type OldAddressStore struct {
	db       *db.DB
	articles *ArticleStore
}

// NewOldAddressStore returns a store over d; articles decides which
// articles are live.
func NewOldAddressStore(d *db.DB, articles *ArticleStore) *OldAddressStore {
	return &OldAddressStore{db: d, articles: articles}
}

// Put stores addresses in one transaction; an address already stored
// takes its new target.
func (s *OldAddressStore) Put(ctx context.Context, list []OldAddress) error {
	if len(list) == 0 {
		return nil
	}
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		for _, a := range list {
			_, err := tx.ExecContext(ctx, `INSERT INTO old_addresses (path, kind, target_id, suffix) VALUES (?, ?, ?, ?)
				ON CONFLICT (path) DO UPDATE SET kind = excluded.kind, target_id = excluded.target_id, suffix = excluded.suffix`,
				OldAddressKey(a.Path, nil), a.Kind, a.TargetID, a.Suffix)
			if err != nil {
				return fmt.Errorf("models: old address %q: %w", a.Path, err)
			}
		}
		return nil
	})
}

// Resolve returns the address that key (see OldAddressKey) now leads to,
// or ErrNotFound when it is not an old address or what it led to is gone
// or not live.
func (s *OldAddressStore) Resolve(ctx context.Context, key string) (string, error) {
	var a OldAddress
	err := s.db.QueryRow(ctx, `SELECT kind, target_id, suffix FROM old_addresses WHERE path = ?`, key).
		Scan(&a.Kind, &a.TargetID, &a.Suffix)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	if err != nil {
		return "", fmt.Errorf("models: old address: %w", err)
	}
	switch a.Kind {
	case OldPath:
		return a.Suffix, nil
	case OldArticle:
		art, err := s.articles.PublishedByID(ctx, a.TargetID)
		return art.URL() + a.Suffix, err
	case OldSection:
		c, err := NewCategoryStore(s.db).ByID(ctx, a.TargetID)
		return c.URL() + a.Suffix, err
	case OldTag:
		t, err := NewTagStore(s.db).ByID(ctx, a.TargetID)
		return t.URL() + a.Suffix, err
	case OldAuthor:
		u, err := NewUserStore(s.db).ByID(ctx, a.TargetID)
		return u.URL() + a.Suffix, err
	case OldPage:
		p, err := NewPageStore(s.db, nil).ByID(ctx, a.TargetID)
		if err == nil && !p.Published() {
			err = ErrNotFound
		}
		return p.URL() + a.Suffix, err
	case OldMedia:
		m, err := NewMediaStore(s.db, nil).Get(ctx, a.TargetID)
		w, _ := strconv.Atoi(a.Suffix)
		if w <= 0 {
			w = m.Width
		}
		return m.URL(w), err
	}
	return "", ErrNotFound
}
