package models

import (
	"context"
	"fmt"
	"time"

	"github.com/newsroom/news/db"
)

// AuditEntry is one line of the audit log: who did what, when.
type AuditEntry struct {
	ID       int64
	At       time.Time
	UserID   int64 // 0 when nobody was signed in (a refused sign-in)
	UserName string
	Action   string // "sign-in", "setting.change", "user.role", "article.publish", ...
	Detail   string
	IP       string
}

// AuditStore records and lists the audit log.
type AuditStore struct {
	db  *db.DB
	now func() time.Time
}

// NewAuditStore returns a store over d; now stamps new entries.
func NewAuditStore(d *db.DB, now func() time.Time) *AuditStore {
	return &AuditStore{db: d, now: now}
}

// AuditPageSize is how many entries a page of the log shows.
const AuditPageSize = 50

// Record adds e to the log, stamped with the current time.
func (s *AuditStore) Record(ctx context.Context, e AuditEntry) error {
	var uid any
	if e.UserID != 0 {
		uid = e.UserID
	}
	_, err := s.db.Exec(ctx, `INSERT INTO audit_log (at, user_id, user_name, action, detail, ip) VALUES (?, ?, ?, ?, ?, ?)`,
		s.now().Unix(), uid, e.UserName, e.Action, e.Detail, e.IP)
	if err != nil {
		return fmt.Errorf("models: audit %s: %w", e.Action, err)
	}
	return nil
}

// List returns one page of the log, newest first; a non-empty action keeps
// only entries whose action starts with it ("user." for every user change).
func (s *AuditStore) List(ctx context.Context, action string, page int) ([]AuditEntry, Pager, error) {
	p := Pager{Page: page, Size: AuditPageSize}
	rows, err := s.db.Query(ctx, `SELECT id, at, COALESCE(user_id, 0), user_name, action, detail, ip
		FROM audit_log WHERE ? = '' OR substr(action, 1, length(?)) = ?
		ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`, action, action, action, p.Size+1, p.Offset())
	if err != nil {
		return nil, p, fmt.Errorf("models: list audit log: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at int64
		if err := rows.Scan(&e.ID, &at, &e.UserID, &e.UserName, &e.Action, &e.Detail, &e.IP); err != nil {
			return nil, p, fmt.Errorf("models: scan audit entry: %w", err)
		}
		e.At = time.Unix(at, 0).UTC()
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, p, fmt.Errorf("models: list audit log: %w", err)
	}
	if len(out) > p.Size {
		p.HasNext = true
		out = out[:p.Size]
	}
	return out, p, nil
}
