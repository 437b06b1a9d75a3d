package models

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestSlugify(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Kim Jong Un to Visit Russia in Coming Days, Confirms Kremlin", "kim-jong-un-to-visit-russia-in-coming-days-confirms-kremlin"},
		{"“Quoted” headline!", "quoted-headline"},
		{"Café owners’ union wins appeal", "cafe-owners-union-wins-appeal"},
		{"  --Spaces   and---dashes--  ", "spaces-and-dashes"},
		{"2024: a year in review", "2024-a-year-in-review"},
		{"Ελληνικά", "article"},
		{"", "article"},
		{"<script>alert(1)</script>", "script-alert-1-script"},
		{strings.Repeat("long ", 50), strings.TrimRight(strings.Repeat("long-", 16), "-")},
	}
	for _, tt := range tests {
		got := Slugify(tt.in)
		if got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if !ValidSlug(got) {
			t.Errorf("Slugify(%q) = %q is not a valid slug", tt.in, got)
		}
	}
}

func TestValidSlugRefusesJunk(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "-a", "a-", "a--b", "A", "a b", "a/b", "ä", "a.b", strings.Repeat("a", MaxSlugLen+1)} {
		if ValidSlug(s) {
			t.Errorf("ValidSlug(%q) = true", s)
		}
	}
}

func TestSameTitleGetsDistinctSlugs(t *testing.T) {
	t.Parallel()
	d := newTestDB(t)
	ctx := context.Background()
	cat, _ := NewCategoryStore(d).Create(ctx, CategoryInput{Name: "World News"})
	u, _ := NewUserStore(d).Create(ctx, UserInput{Email: "x@example.com", Name: "X Writer", Role: RoleAuthor})
	store := NewArticleStore(d, time.Now)
	// Saved concurrently: the unique index, not a check first, decides.
	var wg sync.WaitGroup
	slugs := make([]string, 6)
	errs := make([]error, 6)
	for i := range slugs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a, err := store.Create(ctx, ArticleInput{Title: "Storm hits the coast", BodyMD: "x", CategoryID: cat.ID, AuthorID: u.ID, Status: StatusPublished})
			slugs[i], errs[i] = a.Slug, err
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for i, s := range slugs {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if seen[s] {
			t.Errorf("slug %q given twice", s)
		}
		seen[s] = true
	}
	for _, want := range []string{"storm-hits-the-coast", "storm-hits-the-coast-2", "storm-hits-the-coast-6"} {
		if !seen[want] {
			t.Errorf("no article got slug %q: %v", want, slugs)
		}
	}
}

func TestParsePage(t *testing.T) {
	t.Parallel()
	good := map[string]int{"": 1, "1": 1, "2": 2, "100000": 100000}
	for in, want := range good {
		if got, err := ParsePage(in); err != nil || got != want {
			t.Errorf("ParsePage(%q) = %d, %v", in, got, err)
		}
	}
	for _, in := range []string{"0", "-1", "abc", "1.5", "100001", "99999999999999999999", " 1", "1e3", "+2"} {
		if _, err := ParsePage(in); err == nil {
			t.Errorf("ParsePage(%q) accepted", in)
		}
	}
}
