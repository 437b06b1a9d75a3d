package models

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestLiveEntries posts, edits, pins and removes entries of a live article:
// readers see them newest first, sanitized, without the removed one; edits
// keep revisions; a stale edit is refused; ending coverage keeps entries.
func TestLiveEntries(t *testing.T) {
	t.Parallel()
	d := newTestDB(t)
	ctx := context.Background()
	now := time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	cat, err := NewCategoryStore(d).Create(ctx, CategoryInput{Name: "World"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := NewUserStore(d).Create(ctx, UserInput{Email: "e@example.com", Name: "Ed", Role: RoleEditor})
	if err != nil {
		t.Fatal(err)
	}
	as := NewArticleStore(d, clock)
	a, err := as.CreateEdited(ctx, ArticleInput{Title: "Summit day", BodyMD: "Intro", CategoryID: cat.ID, AuthorID: u.ID,
		Status: StatusPublished}, Editor{ID: u.ID})
	if err != nil {
		t.Fatal(err)
	}
	ls := NewLiveStore(d, clock)
	if _, err := ls.Post(ctx, EntryInput{ArticleID: a.ID, UserID: u.ID, BodyMD: "too early"}); !errors.Is(err, ErrNotLive) {
		t.Fatalf("post before coverage: %v, want ErrNotLive", err)
	}
	if err := ls.StartCoverage(ctx, a.ID, 0); err != nil {
		t.Fatal(err)
	}
	first, err := ls.Post(ctx, EntryInput{ArticleID: a.ID, UserID: u.ID, BodyMD: "Train **arrives** <script>x()</script>"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(first.BodyHTML), "script") || !strings.Contains(string(first.BodyHTML), "<strong>arrives</strong>") {
		t.Errorf("entry html %q: want Markdown rendered, script gone", first.BodyHTML)
	}
	now = now.Add(time.Minute)
	second, err := ls.Post(ctx, EntryInput{ArticleID: a.ID, UserID: u.ID, BodyMD: "Talks begin"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ls.Post(ctx, EntryInput{ArticleID: a.ID, UserID: u.ID, BodyMD: "   "}); !errors.Is(err, ErrEntryText) {
		t.Errorf("empty entry: %v, want ErrEntryText", err)
	}
	if _, err := ls.Update(ctx, first.ID, first.Version, EntryInput{UserID: u.ID, BodyMD: "Train arrives at Khasan"}); err != nil {
		t.Fatal(err)
	}
	if _, err := ls.Update(ctx, first.ID, first.Version, EntryInput{UserID: u.ID, BodyMD: "stale"}); !errors.Is(err, ErrConflict) {
		t.Errorf("stale edit: %v, want ErrConflict", err)
	}
	if err := ls.SetPinned(ctx, first.ID, u.ID, true); err != nil {
		t.Fatal(err)
	}
	third, err := ls.Post(ctx, EntryInput{ArticleID: a.ID, UserID: u.ID, BodyMD: "Wrong entry"})
	if err != nil {
		t.Fatal(err)
	}
	if err := ls.Remove(ctx, third.ID, u.ID); err != nil {
		t.Fatal(err)
	}
	list, err := ls.Entries(ctx, a.ID)
	if err != nil || len(list) != 2 || list[0].ID != second.ID || list[1].BodyMD != "Train arrives at Khasan" || !list[1].Pinned {
		t.Fatalf("entries %+v, %v: want second, then the edited and pinned first", list, err)
	}
	if n, _ := ls.EntryRevisions(ctx, first.ID); n != 2 {
		t.Errorf("first entry has %d revisions, want 2 (edit, pin)", n)
	}
	missed, err := ls.EntriesAfter(ctx, a.ID, first.ID, 10)
	if err != nil || len(missed) != 1 || missed[0].ID != second.ID {
		t.Errorf("entries after the first: %+v, %v", missed, err)
	}
	if err := ls.EndCoverage(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	got, err := as.PublishedBySlug(ctx, a.Slug)
	if err != nil || got.IsLive() || !got.Coverage.Ever() {
		t.Errorf("after the end: live %v, ever %v, %v", got.IsLive(), got.Coverage.Ever(), err)
	}
	if list, _ := ls.Entries(ctx, a.ID); len(list) != 2 {
		t.Errorf("entries after the end: %d, want 2", len(list))
	}
}

// TestBanner raises, replaces and lowers the banner; it ends on its own.
func TestBanner(t *testing.T) {
	t.Parallel()
	d := newTestDB(t)
	ctx := context.Background()
	now := time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)
	bs := NewBannerStore(d, func() time.Time { return now })
	if _, err := bs.Current(ctx); !errors.Is(err, ErrNotFound) {
		t.Fatalf("no banner yet: %v", err)
	}
	for _, bad := range []Banner{{Text: "", EndsAt: now.Add(time.Hour)}, {Text: "x", EndsAt: now},
		{Text: "x", Link: "javascript:alert(1)", EndsAt: now.Add(time.Hour)}, {Text: "x", Link: "//evil.example", EndsAt: now.Add(time.Hour)}} {
		if err := bs.Raise(ctx, bad, 0); !errors.Is(err, ErrBanner) {
			t.Errorf("raise %+v: %v, want ErrBanner", bad, err)
		}
	}
	if err := bs.Raise(ctx, Banner{Text: "First", EndsAt: now.Add(time.Hour)}, 0); err != nil {
		t.Fatal(err)
	}
	if err := bs.Raise(ctx, Banner{Text: " Second ", Link: "/world/x", EndsAt: now.Add(2 * time.Hour)}, 0); err != nil {
		t.Fatal(err)
	}
	b, err := bs.Current(ctx)
	if err != nil || b.Text != "Second" || b.Link != "/world/x" {
		t.Fatalf("current %+v, %v: want the second banner only", b, err)
	}
	now = now.Add(2 * time.Hour)
	if _, err := bs.Current(ctx); !errors.Is(err, ErrNotFound) {
		t.Errorf("banner past its end: %v, want ErrNotFound", err)
	}
	if err := bs.Lower(ctx); !errors.Is(err, ErrNotFound) {
		t.Errorf("lower an ended banner: %v, want ErrNotFound", err)
	}
}
