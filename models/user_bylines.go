package models

import (
	"context"
	"fmt"
)

// Bylines returns the users an article can be credited to (everyone not
// disabled), by name.
func (s *UserStore) Bylines(ctx context.Context) ([]User, error) {
	rows, err := s.db.Query(ctx, `SELECT `+userCols+` FROM users WHERE disabled = 0 ORDER BY name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("models: list bylines: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("models: scan user: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}
