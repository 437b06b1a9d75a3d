package models

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/newsroom/news/db"
)

// SetupLinkLifetime is how long a setup link works when nobody uses it.
const SetupLinkLifetime = 24 * time.Hour

// ErrSetupLink means a setup link that is unknown, used, expired, or no
// longer needed because an account exists.
var ErrSetupLink = errors.New("models: this setup link is not valid any more")

// SetupStore issues and redeems the one-time links that create the first
// admin on a site with no account.
type SetupStore struct {
	db  *db.DB
	now func() time.Time
	pw  *passwords
}

// NewSetupStore returns a store over d; now is the clock links expire by.
func NewSetupStore(d *db.DB, now func() time.Time) *SetupStore {
	return &SetupStore{db: d, now: now, pw: defaultPasswords}
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Issue makes a new setup token, replacing any earlier unused one, and
// returns it; only its hash is stored.
func (s *SetupStore) Issue(ctx context.Context) (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("models: setup token: %w", err)
	}
	token := base64.RawURLEncoding.EncodeToString(b[:])
	now := s.now()
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM setup_tokens WHERE used_at IS NULL`); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES (?, ?, ?)`,
			hashToken(token), now.Unix(), now.Add(SetupLinkLifetime).Unix())
		return err
	})
	if err != nil {
		return "", fmt.Errorf("models: issue setup token: %w", err)
	}
	return token, nil
}

// Check reports whether token is a setup link that can still be used.
func (s *SetupStore) Check(ctx context.Context, token string) error {
	return checkSetup(ctx, s.db.QueryRow, token, s.now())
}

// queryRow runs a query for one row: db.DB.QueryRow, or a transaction's
// QueryRowContext.
type queryRow func(ctx context.Context, q string, args ...any) *sql.Row

func checkSetup(ctx context.Context, q queryRow, token string, now time.Time) error {
	if token == "" || len(token) > 100 {
		return ErrSetupLink
	}
	var ok int
	err := q(ctx, `SELECT 1 FROM setup_tokens WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
		AND NOT EXISTS (SELECT 1 FROM users WHERE password_hash <> '')`, hashToken(token), now.Unix()).Scan(&ok)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrSetupLink
	}
	if err != nil {
		return fmt.Errorf("models: check setup token: %w", err)
	}
	return nil
}

// Complete redeems token by creating the first admin with password. The
// link works once: the token is marked used in the same transaction.
func (s *SetupStore) Complete(ctx context.Context, token string, in UserInput, password string) (User, error) {
	if err := s.Check(ctx, token); err != nil {
		return User{}, err
	}
	hash, err := s.pw.hash(password) // slow: outside the write transaction
	if err != nil {
		return User{}, err
	}
	now := s.now()
	in.Role = RoleAdmin
	if in.Slug == "" {
		in.Slug = Slugify(in.Name)
	}
	var u User
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := checkSetup(ctx, tx.QueryRowContext, token, now); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE setup_tokens SET used_at = ? WHERE token_hash = ?`, now.Unix(), hashToken(token)); err != nil {
			return err
		}
		slug, err := freeSlug(ctx, tx.QueryRowContext, in.Slug)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO users (email, name, slug, role, password_hash, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, in.Email, in.Name, slug, in.Role, hash, now.Unix())
		if isUnique(err) {
			// The email belongs to a byline without a password: the
			// first admin takes that profile over.
			_, err = tx.ExecContext(ctx, `UPDATE users SET name = ?, role = ?, password_hash = ?, disabled = 0
				WHERE email = ?`, in.Name, in.Role, hash, in.Email)
		}
		if err != nil {
			return fmt.Errorf("models: create first admin: %w", err)
		}
		return tx.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE email = ?`, in.Email).Scan(userDest(&u, new(int64))...)
	})
	return u, err
}

// freeSlug returns base, or base with a number added, not yet used by a user.
func freeSlug(ctx context.Context, q queryRow, base string) (string, error) {
	if base == "" {
		base = "user"
	}
	for i := 1; i < 100; i++ {
		slug := base
		if i > 1 {
			slug = fmt.Sprintf("%s-%d", base, i)
		}
		var one int
		err := q(ctx, `SELECT 1 FROM users WHERE slug = ?`, slug).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return slug, nil
		}
		if err != nil {
			return "", fmt.Errorf("models: check slug: %w", err)
		}
	}
	return "", ErrDuplicate
}

// LoadOrCreateSecret returns the secret stored under name, first storing
// size random bytes when there is none. Two servers starting at once agree
// on one value: the insert is ignored when the row already exists.
func LoadOrCreateSecret(ctx context.Context, d *db.DB, name string, size int) ([]byte, error) {
	b := make([]byte, size)
	if _, err := rand.Read(b); err != nil {
		return nil, fmt.Errorf("models: secret %s: %w", name, err)
	}
	if _, err := d.Exec(ctx, `INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`, name, b); err != nil {
		return nil, fmt.Errorf("models: store secret %s: %w", name, err)
	}
	var v []byte
	if err := d.QueryRow(ctx, `SELECT value FROM secrets WHERE name = ?`, name).Scan(&v); err != nil {
		return nil, fmt.Errorf("models: load secret %s: %w", name, err)
	}
	return v, nil
}
