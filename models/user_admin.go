package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"github.com/newsroom/news/db"
)

// ErrLastAdmin means a change would leave the site with no enabled admin.
var ErrLastAdmin = errors.New("models: the site needs at least one enabled admin")

// Roles lists the roles in order of power, for forms.
var Roles = []string{RoleAdmin, RoleEditor, RoleAuthor}

// ValidRole reports whether r is a known role.
func ValidRole(r string) bool {
	return r == RoleAdmin || r == RoleEditor || r == RoleAuthor
}

// NormalizeEmail trims an email address and reports whether it looks like
// one a person could receive mail at.
func NormalizeEmail(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 254 {
		return s, false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndex(s, "@")+1:], ".") {
		return s, false
	}
	return s, true
}

// AccountUser is a user as the people list shows them.
type AccountUser struct {
	User
	CanSignIn bool // has a password
}

func scanUserHash(row interface{ Scan(...any) error }, hash *string) (User, error) {
	var u User
	var created int64
	err := row.Scan(append(userDest(&u, &created), hash)...)
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	if err != nil {
		return u, fmt.Errorf("models: load user: %w", err)
	}
	u.CreatedAt = time.Unix(created, 0).UTC()
	return u, nil
}

func mustAffect(res sql.Result) error {
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return ErrNotFound
	}
	return nil
}

// ByID returns the user with that id, or ErrNotFound.
func (s *UserStore) ByID(ctx context.Context, id int64) (User, error) {
	var hash string
	return scanUserHash(s.db.QueryRow(ctx,
		`SELECT `+userCols+`, password_hash FROM users WHERE id = ?`, id), &hash)
}

// CountAccounts returns how many users can sign in (have a password).
func (s *UserStore) CountAccounts(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM users WHERE password_hash <> ''`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("models: count accounts: %w", err)
	}
	return n, nil
}

// All returns every user, accounts first, then by name.
func (s *UserStore) All(ctx context.Context) ([]AccountUser, error) {
	rows, err := s.db.Query(ctx, `SELECT `+userCols+`, password_hash FROM users
		ORDER BY password_hash = '', disabled, name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("models: list users: %w", err)
	}
	defer rows.Close()
	var out []AccountUser
	for rows.Next() {
		var hash string
		u, err := scanUserHash(rows, &hash)
		if err != nil {
			return nil, err
		}
		out = append(out, AccountUser{User: u, CanSignIn: hash != ""})
	}
	return out, rows.Err()
}

// SetName changes a user's display name (their byline).
func (s *UserStore) SetName(ctx context.Context, id int64, name string) error {
	// The byline shows on every card of theirs: drop every page rather
	// than name each of their articles.
	res, err := execChanged(ctx, s.db, []CacheTag{AuthorTag(id), TagChrome, TagFeeds},
		`UPDATE users SET name = ? WHERE id = ?`, name, id)
	if err != nil {
		return fmt.Errorf("models: rename user: %w", err)
	}
	return mustAffect(res)
}

// SetRole changes a user's role; demoting the last enabled admin is
// ErrLastAdmin.
func (s *UserStore) SetRole(ctx context.Context, id int64, role string) error {
	if !ValidRole(role) {
		return fmt.Errorf("models: unknown role %q", role)
	}
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET role = ? WHERE id = ?`, role, id)
		if err != nil {
			return fmt.Errorf("models: set role: %w", err)
		}
		if err := mustAffect(res); err != nil {
			return err
		}
		return checkAdminLeft(ctx, tx)
	})
}

// SetDisabled disables or enables a user. A disabled user cannot sign in
// and their open sessions stop working; disabling the last enabled admin
// is ErrLastAdmin.
func (s *UserStore) SetDisabled(ctx context.Context, id int64, disabled bool) error {
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET disabled = ? WHERE id = ?`, disabled, id)
		if err != nil {
			return fmt.Errorf("models: disable user: %w", err)
		}
		if err := mustAffect(res); err != nil {
			return err
		}
		return checkAdminLeft(ctx, tx)
	})
}

func checkAdminLeft(ctx context.Context, tx *db.Tx) error {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM users
		WHERE role = 'admin' AND disabled = 0 AND password_hash <> ''`).Scan(&n)
	if err != nil {
		return fmt.Errorf("models: count admins: %w", err)
	}
	if n == 0 {
		return ErrLastAdmin
	}
	return nil
}

// ErrEmailTaken means another user already has that email address.
var ErrEmailTaken = errors.New("models: email already in use")

// CreateAccount adds a user who can sign in with password. A taken email is
// ErrEmailTaken; a taken byline slug gets a number added instead.
func (s *UserStore) CreateAccount(ctx context.Context, in UserInput, password string) (User, error) {
	hash, err := s.pw.hash(password)
	if err != nil {
		return User{}, err
	}
	in.PasswordHash = hash
	return s.createUnique(ctx, in)
}

func (s *UserStore) createUnique(ctx context.Context, in UserInput) (User, error) {
	base := in.Slug
	if base == "" {
		base = Slugify(in.Name)
	}
	if base == "" {
		base = "user"
	}
	for i := 1; i <= 50; i++ {
		in.Slug = base
		if i > 1 {
			in.Slug = fmt.Sprintf("%s-%d", base, i)
		}
		u, err := s.Create(ctx, in)
		if !errors.Is(err, ErrDuplicate) {
			return u, err
		}
		var one int
		err = s.db.QueryRow(ctx, `SELECT 1 FROM users WHERE email = ?`, in.Email).Scan(&one)
		if err == nil {
			return User{}, ErrEmailTaken
		}
	}
	return User{}, ErrDuplicate
}
