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

// Who is the name of who did it, "Someone" when nobody was signed in.
func (e AuditEntry) Who() string {
	if e.UserName == "" {
		return "Someone"
	}
	return e.UserName
}

// Sentence is the entry in words: "Maria Okafor scheduled ‘Port
// council…’ for 3 December 09:00". Detail is written to follow the name;
// an entry without one reads as its action.
func (e AuditEntry) Sentence() string {
	if e.Detail == "" {
		return e.Who() + " " + e.Action
	}
	return e.Who() + " " + e.Detail
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

// Recent returns the newest n entries whose action starts with one of
// prefixes (every entry when there are none).
func (s *AuditStore) Recent(ctx context.Context, prefixes []string, n int) ([]AuditEntry, error) {
	where, args := "1", []any{}
	if len(prefixes) > 0 {
		where = ""
		for i, p := range prefixes {
			if i > 0 {
				where += " OR "
			}
			where += "substr(action, 1, ?) = ?"
			args = append(args, len(p), p)
		}
	}
	rows, err := s.db.Query(ctx, `SELECT id, at, COALESCE(user_id, 0), user_name, action, detail, ip
		FROM audit_log WHERE `+where+` ORDER BY at DESC, id DESC LIMIT ?`, append(args, n)...)
	if err != nil {
		return nil, fmt.Errorf("models: recent audit entries: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("models: recent audit entries: %w", err)
	}
	return out, nil
}

func scanAudit(rows interface{ Scan(...any) error }) (AuditEntry, error) {
	var e AuditEntry
	var at int64
	if err := rows.Scan(&e.ID, &at, &e.UserID, &e.UserName, &e.Action, &e.Detail, &e.IP); err != nil {
		return e, fmt.Errorf("models: scan audit entry: %w", err)
	}
	e.At = time.Unix(at, 0).UTC()
	return e, nil
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
		e, err := scanAudit(rows)
		if err != nil {
			return nil, p, err
		}
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
