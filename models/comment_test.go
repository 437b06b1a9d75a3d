package models

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/db"
)

var commentTestNow = time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)

// demoArticles fills d with the demo content and returns its live articles.
func demoArticles(t *testing.T, d *db.DB) []Article {
	t.Helper()
	content, err := db.DemoContent()
	if err != nil {
		t.Fatal(err)
	}
	if err := SeedDemo(context.Background(), d, content, commentTestNow); err != nil {
		t.Fatal(err)
	}
	list, err := NewArticleStore(d, func() time.Time { return commentTestNow }).Latest(context.Background(), 3)
	if err != nil || len(list) < 2 {
		t.Fatalf("demo articles: %v", err)
	}
	return list
}

func TestCommentStoreCreateRules(t *testing.T) {
	t.Parallel()
	d := newTestDB(t)
	arts := demoArticles(t, d)
	s := NewCommentStore(d)
	ctx := context.Background()
	open := Settings{ModerationMode: ModerateNone}
	in := func(article, parent int64, body string) CommentInput {
		return CommentInput{ArticleID: article, ParentID: parent, Name: " Mo \n Reader ", Body: body, IP: "203.0.113.9", Now: commentTestNow}
	}
	top, err := s.Create(ctx, in(arts[0].ID, 0, "Top"), open)
	if err != nil || top.Status != CommentApproved || top.Name != "Mo Reader" {
		t.Fatalf("create: %+v %v", top, err)
	}
	if _, err := s.Create(ctx, in(arts[0].ID, 0, "Top"), open); !errors.Is(err, ErrDuplicate) {
		t.Errorf("same text again: %v, want ErrDuplicate", err)
	}
	if _, err := s.Create(ctx, in(arts[1].ID, top.ID, "Reply elsewhere"), open); !errors.Is(err, ErrBadParent) {
		t.Errorf("reply across articles: %v, want ErrBadParent", err)
	}
	held, _ := s.Create(ctx, in(arts[0].ID, 0, "Held"), Settings{ModerationMode: ModerateAll})
	if _, err := s.Create(ctx, in(arts[0].ID, held.ID, "Reply to held"), open); !errors.Is(err, ErrBadParent) {
		t.Errorf("reply to a pending comment: %v, want ErrBadParent", err)
	}
	var invalid *CommentInvalidError
	if _, err := s.Create(ctx, in(arts[0].ID, 0, "<script>only()</script>"), open); !errors.As(err, &invalid) || invalid.Fields["comment"] == "" {
		t.Errorf("a comment with nothing left: %v", err)
	}
	if _, err := s.Create(ctx, in(arts[0].ID+1000, 0, "No article"), open); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown article: %v, want ErrNotFound", err)
	}
	if _, err := d.Exec(ctx, `UPDATE articles SET published_at = ? WHERE id = ?`, commentTestNow.Add(-49*time.Hour).Unix(), arts[1].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(ctx, in(arts[1].ID, 0, "Late"), Settings{ModerationMode: ModerateNone, AutoCloseDays: 2}); !errors.Is(err, ErrCommentsClosed) {
		t.Errorf("auto-closed article: %v, want ErrCommentsClosed", err)
	}
	if _, err := s.Create(ctx, in(arts[1].ID, 0, "In time"), Settings{ModerationMode: ModerateNone, AutoCloseDays: 3}); err != nil {
		t.Errorf("article within its days: %v", err)
	}
	if _, err := d.Exec(ctx, `UPDATE articles SET comments_open = 0 WHERE id = ?`, arts[1].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(ctx, in(arts[1].ID, 0, "Closed"), open); !errors.Is(err, ErrCommentsClosed) {
		t.Errorf("closed article: %v, want ErrCommentsClosed", err)
	}
	var hash string
	if err := d.R.QueryRow(`SELECT ip_hash FROM comments WHERE id = ?`, top.ID).Scan(&hash); err != nil {
		t.Fatal(err)
	}
	if len(hash) != 32 || strings.Contains(hash, "203.0.113.9") || hash != hashIP(siteSalt(t, d), "203.0.113.9") || hash == hashIP("", "203.0.113.9") {
		t.Errorf("ip_hash %q is not the salted hash", hash)
	}
	list, err := s.Approved(ctx, arts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		if c.Status != CommentApproved {
			t.Errorf("Approved lists a %s comment", c.Status)
		}
	}
}

func siteSalt(t *testing.T, d *db.DB) string {
	t.Helper()
	var salt string
	if err := d.R.QueryRow(`SELECT value FROM settings WHERE key = 'comment_ip_salt'`).Scan(&salt); err != nil || len(salt) != 64 {
		t.Fatalf("salt %q: %v", salt, err)
	}
	return salt
}

func TestThreadNestsAtMostThreeDeep(t *testing.T) {
	t.Parallel()
	list := []Comment{
		{ID: 1}, {ID: 2, ParentID: 1}, {ID: 3, ParentID: 2}, {ID: 4, ParentID: 3}, {ID: 5, ParentID: 4},
		{ID: 6, ParentID: 99}, // parent not shown
		{ID: 7},
	}
	top := Thread(list)
	if len(top) != 3 || top[0].ID != 1 || top[1].ID != 6 || top[2].ID != 7 {
		t.Fatalf("top level: %v", ids(top))
	}
	two := top[0].Replies
	if len(two) != 1 || two[0].Depth != 2 {
		t.Fatalf("second level: %v", ids(two))
	}
	three := two[0].Replies
	if got := ids(three); len(got) != 3 || got[0] != 3 || got[1] != 4 || got[2] != 5 {
		t.Errorf("third level %v, want 3 4 5 (deeper replies beside their parent)", got)
	}
	for _, n := range three {
		if n.Depth != 3 || len(n.Replies) != 0 || n.CanReply() {
			t.Errorf("comment %d: depth %d, %d replies", n.ID, n.Depth, len(n.Replies))
		}
	}
}

func ids(ns []*CommentNode) []int64 {
	var out []int64
	for _, n := range ns {
		out = append(out, n.ID)
	}
	return out
}

func TestSanitizeCommentShapesText(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"one\r\ntwo\n\n\n three ", "<p>one<br/>\ntwo</p>\n<p>three</p>"},
		{"See https://example.com/a_(b).", `<p>See <a href="https://example.com/a_(b)" rel="nofollow ugc noopener">https://example.com/a_(b)</a>.</p>`},
		{"(at http://example.com/x)", `<p>(at <a href="http://example.com/x" rel="nofollow ugc noopener">http://example.com/x</a>)</p>`},
		{"<code>http://example.com/</code>", `<p><code>http://example.com/</code></p>`},
		{`<a href="https://example.com/">https://example.com/</a>`, `<p><a href="https://example.com/" rel="nofollow ugc noopener">https://example.com/</a></p>`},
		{"<b></b><i> </i>text", "<p>text</p>"},
		{"a < b & c > d", "<p>a &lt; b &amp; c &gt; d</p>"},
	} {
		got, _ := SanitizeComment(tc.in)
		if string(got) != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
	if _, n := SanitizeComment("http://a.example <a href=\"https://b.example\">b</a> <a href=\"javascript:x\">c</a> <code>http://c.example</code>"); n != 2 {
		t.Errorf("%d links counted, want 2", n)
	}
}

func TestHeldWordMatchesWholeWords(t *testing.T) {
	t.Parallel()
	list := "casino\n  Cheap Pills \n\n"
	for text, want := range map[string]bool{
		"CASINO night": true, "a casino.": true, "casinos": false, "cheap\npills": true, "cheap pillsbury": false,
		"nothing here": false, "über-casino": true,
	} {
		if got := heldWord(list, text); got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
	if heldWord("", "casino") {
		t.Error("an empty list holds")
	}
}

func TestCommentsAllowed(t *testing.T) {
	t.Parallel()
	a := Article{CommentsOpen: true, PublishedAt: commentTestNow.Add(-48 * time.Hour)}
	if !CommentsAllowed(a, 0, commentTestNow) || !CommentsAllowed(a, 3, commentTestNow) || CommentsAllowed(a, 1, commentTestNow) {
		t.Error("auto-close by age is wrong")
	}
	a.CommentsOpen = false
	if CommentsAllowed(a, 0, commentTestNow) {
		t.Error("a closed article takes comments")
	}
}
