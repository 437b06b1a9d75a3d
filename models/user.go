package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/newsroom/news/db"
)

// Roles a user can have.
const (
	RoleAdmin  = "admin"
	RoleEditor = "editor"
	RoleAuthor = "author"
)

// User is a member of the newsroom; every author of an article is one.
type User struct {
	ID       int64
	Email    string
	Name     string
	Slug     string
	Bio      string
	JobTitle string
	// PhotoID is the person's photo in the media library, 0 for none.
	PhotoID     int64
	photoFormat string
	Role        string
	Disabled    bool
	CreatedAt   time.Time
}

// URL is the author's public page.
func (u User) URL() string { return "/author/" + u.Slug }

// UserStore loads and saves users.
type UserStore struct {
	db *db.DB
	pw *passwords
}

// NewUserStore returns a store over d hashing at PasswordCost.
func NewUserStore(d *db.DB) *UserStore { return &UserStore{db: d, pw: defaultPasswords} }

// userCols are a user's columns, read from the users table (not aliased)
// into userDest.
const userCols = `id, email, name, slug, bio, role, disabled, created_at, job_title, COALESCE(photo_media_id, 0),
	COALESCE((SELECT format FROM media WHERE media.id = users.photo_media_id), '')`

// userDest are the scan destinations of userCols.
func userDest(u *User, created *int64) []any {
	return []any{&u.ID, &u.Email, &u.Name, &u.Slug, &u.Bio, &u.Role, &u.Disabled, created, &u.JobTitle, &u.PhotoID, &u.photoFormat}
}

func scanUser(row interface{ Scan(...any) error }) (User, error) {
	var u User
	var created int64
	err := row.Scan(userDest(&u, &created)...)
	u.CreatedAt = time.Unix(created, 0).UTC()
	return u, err
}

// BySlug returns the user with that public slug, or ErrNotFound.
func (s *UserStore) BySlug(ctx context.Context, slug string) (User, error) {
	u, err := scanUser(s.db.QueryRow(ctx, `SELECT `+userCols+` FROM users WHERE slug = ?`, slug))
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	if err != nil {
		return u, fmt.Errorf("models: user %q: %w", slug, err)
	}
	return u, nil
}

// UserInput is what creating a user needs. PasswordHash may be empty for an
// account that cannot sign in (a contributor shown only as a byline).
type UserInput struct {
	Email        string
	Name         string
	Slug         string // made from Name when empty
	Bio          string
	Role         string
	PasswordHash string
}

// Create adds a user; a taken email or slug is ErrDuplicate.
func (s *UserStore) Create(ctx context.Context, in UserInput) (User, error) {
	if in.Slug == "" {
		in.Slug = Slugify(in.Name)
	}
	now := time.Now().UTC()
	res, err := s.db.Exec(ctx, `INSERT INTO users (email, name, slug, bio, role, password_hash, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, in.Email, in.Name, in.Slug, in.Bio, in.Role, in.PasswordHash, now.Unix())
	if isUnique(err) {
		return User{}, ErrDuplicate
	}
	if err != nil {
		return User{}, fmt.Errorf("models: create user: %w", err)
	}
	id, _ := res.LastInsertId()
	return User{ID: id, Email: in.Email, Name: in.Name, Slug: in.Slug, Bio: in.Bio, Role: in.Role, CreatedAt: now.Truncate(time.Second)}, nil
}
