package models

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *testClock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func sessionUser(t *testing.T, s *SessionStore, email string) int64 {
	t.Helper()
	res, err := s.db.Exec(context.Background(), `INSERT INTO users (email, name, slug, role, created_at) VALUES (?, ?, ?, 'author', 1)`,
		email, email, strings.Split(email, "@")[0])
	if err != nil {
		t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	return id
}

func TestSessionsEndWhenTold(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	clk := &testClock{t: time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)}
	s := NewSessionStore(newTestDB(t), clk.Now)
	ada, bo := sessionUser(t, s, "ada@example.com"), sessionUser(t, s, "bo@example.com")
	laptop, _, err := s.Start(ctx, ada, "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0", "203.0.113.9")
	if err != nil {
		t.Fatal(err)
	}
	phone, _, _ := s.Start(ctx, ada, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1", "2001:db8:5:6::1")
	other, _, _ := s.Start(ctx, bo, "", "198.51.100.1")

	list, err := s.List(ctx, ada)
	if err != nil || len(list) != 2 {
		t.Fatalf("Ada's sessions: %v (%v)", list, err)
	}
	seen := map[string]bool{}
	for _, sess := range list {
		seen[sess.Device+" · "+sess.Address] = true
		if strings.Contains(sess.ID, laptop) || len(sess.ID) != 64 {
			t.Errorf("a listed session shows %q", sess.ID)
		}
	}
	if !seen["Firefox on Windows · 203.0.113.0/24"] || !seen["Safari on iPhone · 2001:db8:5::/48"] {
		t.Errorf("sessions listed as %v", seen)
	}
	var n int
	s.db.R.QueryRow(`SELECT COUNT(*) FROM sessions WHERE id_hash = ? OR user_agent LIKE ?`, laptop, "%"+laptop+"%").Scan(&n)
	if n != 0 {
		t.Error("the cookie's token is stored as it is")
	}

	// Signing out on the laptop ends that session only.
	if err := s.End(ctx, laptop); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Check(ctx, laptop); !errors.Is(err, ErrSessionEnded) {
		t.Errorf("signed-out session: %v", err)
	}
	if _, err := s.Check(ctx, phone); err != nil {
		t.Errorf("the phone was signed out too: %v", err)
	}
	// A password change keeps the session it was made in and ends the rest.
	tablet, _, _ := s.Start(ctx, ada, "", "203.0.113.10")
	if n, err := s.EndAll(ctx, ada, tablet); err != nil || n != 1 {
		t.Errorf("ended %d (%v), want the phone's one", n, err)
	}
	if _, err := s.Check(ctx, phone); !errors.Is(err, ErrSessionEnded) {
		t.Errorf("phone after the password change: %v", err)
	}
	if _, err := s.Check(ctx, tablet); err != nil {
		t.Errorf("the session the change was made in: %v", err)
	}
	// Ending one from the profile: only one's own.
	list, _ = s.List(ctx, bo)
	if err := s.EndOne(ctx, ada, list[0].ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Ada ended Bo's session: %v", err)
	}
	if _, err := s.Check(ctx, other); err != nil {
		t.Errorf("Bo's session: %v", err)
	}
}

func TestSessionsIdleAndAbsoluteLimits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	clk := &testClock{t: time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)}
	s := NewSessionStore(newTestDB(t), clk.Now)
	ada := sessionUser(t, s, "ada@example.com")
	busy, _, _ := s.Start(ctx, ada, "", "")
	idle, _, _ := s.Start(ctx, ada, "", "")
	// Used every 11 hours, the busy session outlives the idle limit but not
	// the absolute one.
	for elapsed := 11 * time.Hour; elapsed < SessionLifetime; elapsed += 11 * time.Hour {
		clk.Add(11 * time.Hour)
		if _, err := s.Check(ctx, busy); err != nil {
			t.Fatalf("busy session after %v: %v", elapsed, err)
		}
	}
	if _, err := s.Check(ctx, idle); !errors.Is(err, ErrSessionEnded) {
		t.Errorf("a session unused for days: %v", err)
	}
	clk.Add(11 * time.Hour)
	if _, err := s.Check(ctx, busy); !errors.Is(err, ErrSessionEnded) {
		t.Errorf("a session used all along, past 7 days: %v", err)
	}
}
