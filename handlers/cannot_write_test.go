package handlers

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

// When the database cannot be written (a read-only file, a full disk), a
// commenter and an editor get a clear 503 with everything they typed still
// in the form, readers go on reading, nothing half-written is stored, and
// once the store is writable again the same post goes through.
func TestReadOnlyStoreKeepsFormsAndServesReaders(t *testing.T) {
	t.Parallel()
	ts, logs := newTestServerWith(t, serverOptions{demo: true})
	ctx := context.Background()
	article := firstArticlePath(t, ts)
	admin := ts.signIn(t, models.RoleAdmin)
	author := ts.addUser(t, models.RoleAuthor)
	if err := ts.H.DB.SetWritable(ctx, false); err != nil {
		t.Fatal(err)
	}

	text := "A careful comment about the visit <b>kept</b> & long\n\nSecond paragraph, token ro-7f3a."
	comment := url.Values{"comment": {text}, "name": {"Reader Ro"}, "email": {"ro@example.org"}}
	res, body := ts.postForm(t, article+"/comments", comment)
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("comment on a read-only store: %d, want 503", res.StatusCode)
	}
	for _, want := range []string{html.EscapeString(text), `value="Reader Ro"`, `value="ro@example.org"`, "read-only or full", "kept below"} {
		if !strings.Contains(body, want) {
			t.Errorf("the refused comment form lacks %q", want)
		}
	}
	if res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("refused comment page may be cached: %q", res.Header.Get("Cache-Control"))
	}

	settings := url.Values{"site_name": {"The Read-Only Times"}, "tagline": {"Typed while the disk was full"},
		"time_zone": {"Europe/London"}, "moderation_mode": {models.ModerateAll}, "auto_close_days": {"0"}}
	res, body = ts.postForm(t, "/admin/settings", settings)
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("settings on a read-only store: %d, want 503", res.StatusCode)
	}
	for _, want := range []string{`value="The Read-Only Times"`, `value="Typed while the disk was full"`, "read-only or full"} {
		if !strings.Contains(body, want) {
			t.Errorf("the refused settings form lacks %q", want)
		}
	}

	secs, err := ts.H.Categories.All(ctx)
	if err != nil || len(secs) == 0 {
		t.Fatal("no sections", err)
	}
	story := url.Values{"title": {"Council votes on the harbour"}, "summary": {"Summary typed on a full disk."},
		"body":        {"Paragraph one of a long story.\n\nParagraph two, token ed-91c2."},
		"category_id": {fmt.Sprint(secs[0].ID)}, "author_id": {fmt.Sprint(admin.ID)}, "status": {models.StatusDraft}}
	res, body = ts.postForm(t, "/admin/articles", story)
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("new article on a read-only store: %d, want 503", res.StatusCode)
	}
	for _, want := range []string{`value="Council votes on the harbour"`, "Paragraph two, token ed-91c2.", "Summary typed on a full disk.", "read-only or full"} {
		if !strings.Contains(body, want) {
			t.Errorf("the refused article editor lacks %q", want)
		}
	}

	// A write with no form to keep gets the 503 page.
	res, body = ts.postForm(t, fmt.Sprintf("/admin/people/%d/disable", author.ID), url.Values{})
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "Saving is paused") || res.Header.Get("Retry-After") == "" {
		t.Errorf("disable on a read-only store: %d\n%s", res.StatusCode, body)
	}

	for _, p := range []string{"/", article, "/admin/settings", "/admin/people"} {
		if res, _ := ts.get(t, p); res.StatusCode != http.StatusOK {
			t.Errorf("reading %s on a read-only store: %d", p, res.StatusCode)
		}
	}
	if _, page := ts.get(t, "/"); strings.Contains(page, "The Read-Only Times") {
		t.Error("settings changed on a read-only store")
	}
	if !strings.Contains(logs.String(), "readonly database") {
		t.Error("the log does not say why the write failed")
	}

	if err := ts.H.DB.SetWritable(ctx, true); err != nil {
		t.Fatal(err)
	}
	if res, _ := ts.postForm(t, article+"/comments", comment); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the same comment once writable: %d, want 303", res.StatusCode)
	}
	var n int
	if err := ts.H.DB.R.QueryRowContext(ctx, `SELECT count(*) FROM comments WHERE body_html LIKE '%ro-7f3a%'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("comments stored with the token: %d %v", n, err)
	}
	if res, _ := ts.postForm(t, "/admin/articles", story); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the same article once writable: %d", res.StatusCode)
	}
	if res, _ := ts.postForm(t, "/admin/settings", settings); res.StatusCode != http.StatusSeeOther {
		t.Errorf("settings once writable: %d", res.StatusCode)
	}
	if u, _ := ts.H.Users.ByID(ctx, admin.ID); u.Disabled {
		t.Error("admin disabled")
	}
}
