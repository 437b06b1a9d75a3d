package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/newsroom/news/db"
)

// Category is a section of the site, such as World News.
type Category struct {
	ID          int64
	Slug        string
	Name        string
	Description string
	Position    int
	// InNav is whether the section is in the site's navigation (and has a
	// block on the front page); editors choose.
	InNav bool
}

// URL is the section's page.
func (c Category) URL() string { return "/category/" + c.Slug }

// CategoryStore loads and saves sections.
type CategoryStore struct{ db *db.DB }

// NewCategoryStore returns a store over d.
func NewCategoryStore(d *db.DB) *CategoryStore { return &CategoryStore{db: d} }

const categoryCols = `id, slug, name, description, position, in_nav`

func scanCategory(row interface{ Scan(...any) error }) (Category, error) {
	var c Category
	err := row.Scan(&c.ID, &c.Slug, &c.Name, &c.Description, &c.Position, &c.InNav)
	return c, err
}

// All returns every section in navigation order.
func (s *CategoryStore) All(ctx context.Context) ([]Category, error) {
	rows, err := s.db.Query(ctx, `SELECT `+categoryCols+` FROM categories ORDER BY position, name`)
	if err != nil {
		return nil, fmt.Errorf("models: list categories: %w", err)
	}
	defer rows.Close()
	var out []Category
	for rows.Next() {
		c, err := scanCategory(rows)
		if err != nil {
			return nil, fmt.Errorf("models: scan category: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Navigation returns the sections editors put in the navigation, in its
// order: the masthead's links and the front page's blocks.
func Navigation(all []Category) []Category {
	var out []Category
	for _, c := range all {
		if c.InNav {
			out = append(out, c)
		}
	}
	return out
}

// BySlug returns the section with that slug, or ErrNotFound.
func (s *CategoryStore) BySlug(ctx context.Context, slug string) (Category, error) {
	c, err := scanCategory(s.db.QueryRow(ctx, `SELECT `+categoryCols+` FROM categories WHERE slug = ?`, slug))
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	if err != nil {
		return c, fmt.Errorf("models: category %q: %w", slug, err)
	}
	return c, nil
}

// CategoryInput is what creating a section needs.
type CategoryInput struct {
	Name        string
	Slug        string // made from Name when empty
	Description string
	Position    int
}

// Create adds a section; a taken slug is ErrDuplicate.
func (s *CategoryStore) Create(ctx context.Context, in CategoryInput) (Category, error) {
	if in.Slug == "" {
		in.Slug = Slugify(in.Name)
	}
	res, err := execChanged(ctx, s.db, []CacheTag{TagChrome},
		`INSERT INTO categories (slug, name, description, position) VALUES (?, ?, ?, ?)`, in.Slug, in.Name, in.Description, in.Position)
	if isUnique(err) {
		return Category{}, ErrDuplicate
	}
	if err != nil {
		return Category{}, fmt.Errorf("models: create category: %w", err)
	}
	id, _ := res.LastInsertId()
	return Category{ID: id, Slug: in.Slug, Name: in.Name, Description: in.Description, Position: in.Position, InNav: true}, nil
}
