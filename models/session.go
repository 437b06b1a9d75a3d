package models

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/newsroom/news/db"
)

// Session lifetimes: a session ends after SessionIdle without a request,
// and SessionLifetime after it began whatever the use.
const (
	SessionIdle     = 12 * time.Hour
	SessionLifetime = 7 * 24 * time.Hour
	// sessionSeenEvery is how stale the last-seen time may get before a
	// request writes it again.
	sessionSeenEvery = time.Minute
)

// ErrSessionEnded means the session is unknown, ended, idle too long or
// past its absolute lifetime: the person must sign in again.
var ErrSessionEnded = errors.New("models: the session has ended")

// ErrSessionIdle is ErrSessionEnded by the idle limit.
var ErrSessionIdle = fmt.Errorf("%w after %v without use", ErrSessionEnded, SessionIdle)

// Session is one signed-in browser, as its owner sees it on their profile.
type Session struct {
	ID        string // the hash of the cookie's id: safe to show and to name in a form
	UserID    int64
	CreatedAt time.Time
	SeenAt    time.Time
	ExpiresAt time.Time
	Device    string // from the User-Agent, such as "Firefox on Windows"
	Address   string // the client's network, such as 203.0.113.0/24
}

// SessionStore keeps the server's record of each newsroom session. Its
// writes are never shown to readers: they go through db.Exec, which names
// no page-cache tags, so signing in or out drops no cached page.
type SessionStore struct {
	db  *db.DB
	now func() time.Time
}

// NewSessionStore returns a store over d with the clock now.
func NewSessionStore(d *db.DB, now func() time.Time) *SessionStore {
	return &SessionStore{db: d, now: now}
}

// hashSessionToken is what is stored for a cookie's token.
func hashSessionToken(token string) string { return hashToken(token) }

// Start records a new session for user and returns the token the cookie
// carries; only its hash is stored.
func (s *SessionStore) Start(ctx context.Context, userID int64, userAgent, addr string) (string, Session, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", Session{}, fmt.Errorf("models: session id: %w", err)
	}
	token := base64.RawURLEncoding.EncodeToString(b)
	now := s.now().UTC().Truncate(time.Second)
	if len(userAgent) > 300 {
		userAgent = userAgent[:300]
	}
	sess := Session{ID: hashSessionToken(token), UserID: userID, CreatedAt: now, SeenAt: now,
		ExpiresAt: now.Add(SessionLifetime), Device: DeviceName(userAgent), Address: AddressPrefix(addr)}
	_, err := s.db.Exec(ctx, `INSERT INTO sessions (id_hash, user_id, created_at, seen_at, expires_at, user_agent, addr_prefix)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, sess.ID, userID, now.Unix(), now.Unix(), sess.ExpiresAt.Unix(), userAgent, sess.Address)
	if err != nil {
		return "", Session{}, fmt.Errorf("models: start session: %w", err)
	}
	return token, sess, nil
}

// Check returns the live session the cookie's token names, noting the
// request as its last use (at most once a minute), or ErrSessionEnded.
func (s *SessionStore) Check(ctx context.Context, token string) (Session, error) {
	if token == "" {
		return Session{}, ErrSessionEnded
	}
	id := hashSessionToken(token)
	sess, err := scanSession(s.db.QueryRow(ctx, `SELECT `+sessionCols+` FROM sessions WHERE id_hash = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Session{}, ErrSessionEnded
	}
	if err != nil {
		return Session{}, fmt.Errorf("models: check session: %w", err)
	}
	now := s.now().UTC()
	if !now.Before(sess.ExpiresAt) || now.Sub(sess.SeenAt) >= SessionIdle {
		if _, err := s.db.Exec(ctx, `DELETE FROM sessions WHERE id_hash = ?`, id); err != nil {
			return Session{}, fmt.Errorf("models: end session: %w", err)
		}
		if now.Before(sess.ExpiresAt) {
			return Session{}, ErrSessionIdle
		}
		return Session{}, ErrSessionEnded
	}
	if now.Sub(sess.SeenAt) >= sessionSeenEvery {
		sess.SeenAt = now.Truncate(time.Second)
		if _, err := s.db.Exec(ctx, `UPDATE sessions SET seen_at = ? WHERE id_hash = ?`, sess.SeenAt.Unix(), id); err != nil {
			return Session{}, fmt.Errorf("models: session seen: %w", err)
		}
	}
	return sess, nil
}

// End ends the session the token names (signing out).
func (s *SessionStore) End(ctx context.Context, token string) error {
	_, err := s.db.Exec(ctx, `DELETE FROM sessions WHERE id_hash = ?`, hashSessionToken(token))
	if err != nil {
		return fmt.Errorf("models: end session: %w", err)
	}
	return nil
}

// EndOne ends one of user's sessions by its ID, as listed on the profile;
// ErrNotFound when user has no such session.
func (s *SessionStore) EndOne(ctx context.Context, userID int64, id string) error {
	res, err := s.db.Exec(ctx, `DELETE FROM sessions WHERE id_hash = ? AND user_id = ?`, id, userID)
	if err != nil {
		return fmt.Errorf("models: end session: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// EndAll ends every session of user except the one keepToken names (""
// for none): after a password or role change, disabling the account, or
// "sign out everywhere". It returns how many were ended.
func (s *SessionStore) EndAll(ctx context.Context, userID int64, keepToken string) (int, error) {
	keep := ""
	if keepToken != "" {
		keep = hashSessionToken(keepToken)
	}
	res, err := s.db.Exec(ctx, `DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?`, userID, keep)
	if err != nil {
		return 0, fmt.Errorf("models: end sessions: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// List returns user's live sessions, most recently used first.
func (s *SessionStore) List(ctx context.Context, userID int64) ([]Session, error) {
	now := s.now().UTC()
	rows, err := s.db.Query(ctx, `SELECT `+sessionCols+` FROM sessions
		WHERE user_id = ? AND expires_at > ? AND seen_at > ? ORDER BY seen_at DESC, created_at DESC`,
		userID, now.Unix(), now.Add(-SessionIdle).Unix())
	if err != nil {
		return nil, fmt.Errorf("models: list sessions: %w", err)
	}
	defer rows.Close()
	var out []Session
	for rows.Next() {
		sess, err := scanSession(rows)
		if err != nil {
			return nil, fmt.Errorf("models: scan session: %w", err)
		}
		out = append(out, sess)
	}
	return out, rows.Err()
}

// Sweep deletes sessions past their idle or absolute limit.
func (s *SessionStore) Sweep(ctx context.Context) error {
	now := s.now().UTC()
	_, err := s.db.Exec(ctx, `DELETE FROM sessions WHERE expires_at <= ? OR seen_at <= ?`,
		now.Unix(), now.Add(-SessionIdle).Unix())
	if err != nil {
		return fmt.Errorf("models: sweep sessions: %w", err)
	}
	return nil
}

const sessionCols = `id_hash, user_id, created_at, seen_at, expires_at, user_agent, addr_prefix`

func scanSession(row interface{ Scan(...any) error }) (Session, error) {
	var sess Session
	var created, seen, expires int64
	var ua string
	err := row.Scan(&sess.ID, &sess.UserID, &created, &seen, &expires, &ua, &sess.Address)
	sess.CreatedAt, sess.SeenAt, sess.ExpiresAt = time.Unix(created, 0).UTC(), time.Unix(seen, 0).UTC(), time.Unix(expires, 0).UTC()
	sess.Device = DeviceName(ua)
	return sess, err
}

// AddressPrefix is the network a client's address belongs to, shown to
// the session's owner without giving away the whole address: /24 for
// IPv4, /48 for IPv6.
func AddressPrefix(addr string) string {
	ip := net.ParseIP(addr)
	if ip == nil {
		return ""
	}
	if v4 := ip.To4(); v4 != nil {
		return (&net.IPNet{IP: v4.Mask(net.CIDRMask(24, 32)), Mask: net.CIDRMask(24, 32)}).String()
	}
	return (&net.IPNet{IP: ip.Mask(net.CIDRMask(48, 128)), Mask: net.CIDRMask(48, 128)}).String()
}
