package handlers

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

// An admin downloads a backup: a consistent SQLite file with everything in
// it, made in a temporary file that is gone afterwards, and logged.
func TestAdminDownloadsBackup(t *testing.T) {
	demoFile(t) // the shared demo database lives in the usual temporary folder
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where the server makes its temporary copy
	ts := newTestServer(t, true)
	ctx := context.Background()
	ts.signIn(t, "admin")

	res, page := ts.get(t, "/admin/backup")
	if res.StatusCode != http.StatusOK || !strings.Contains(page, `action="/admin/backup"`) || !strings.Contains(page, "Download a backup") {
		t.Fatalf("backup page: %d\n%s", res.StatusCode, page)
	}
	res, body := ts.postForm(t, "/admin/backup", url.Values{})
	if res.StatusCode != http.StatusOK {
		t.Fatalf("download: %d", res.StatusCode)
	}
	if !strings.HasPrefix(body, "SQLite format 3\x00") {
		t.Fatalf("download is not an SQLite file: %q", body[:min(len(body), 40)])
	}
	if cd := res.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="news-`) {
		t.Errorf("Content-Disposition %q", cd)
	}
	if res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("Cache-Control %q", res.Header.Get("Cache-Control"))
	}
	// The handler deletes its copy once the last byte is sent, which is
	// just after the client has read it.
	var left []string
	for range 50 {
		left, _ = filepath.Glob(filepath.Join(tmp, "news-backup-*"))
		if len(left) == 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(left) != 0 {
		t.Errorf("temporary copy left behind: %v", left)
	}

	file := filepath.Join(t.TempDir(), "backup.db")
	if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	if verdict, err := models.IntegrityCheck(ctx, file); err != nil || verdict != "ok" {
		t.Fatalf("integrity check of the download: %q %v", verdict, err)
	}
	copied, err := models.Open(ctx, file, testOptions(ts.Clock.Now))
	if err != nil {
		t.Fatal(err)
	}
	defer copied.Close()
	count := func(s *models.Stores) (n int) {
		if err := s.DB.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if want, got := count(ts.H.Stores), count(copied); got != want || want == 0 {
		t.Errorf("backup holds %d articles, the site %d", got, want)
	}
	entries, _, err := ts.H.Audit.List(ctx, "backup.", 1)
	if err != nil || len(entries) != 1 || !strings.Contains(entries[0].Detail, "bytes") {
		t.Errorf("audit log: %+v %v", entries, err)
	}
}

// Only admins may take a backup, and not from another site.
func TestBackupIsForAdminsOnly(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	if res, _ := ts.postForm(t, "/admin/backup", url.Values{}); res.StatusCode != http.StatusSeeOther ||
		!strings.HasPrefix(res.Header.Get("Location"), "/admin/login") {
		t.Errorf("signed out: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	for _, role := range []string{models.RoleEditor, models.RoleAuthor} {
		ts.signIn(t, role)
		for _, m := range []string{"GET", "POST"} {
			req, _ := http.NewRequest(m, ts.URL+"/admin/backup", nil)
			if res, body := ts.do(t, req); res.StatusCode != http.StatusForbidden || strings.Contains(body, "SQLite format") {
				t.Errorf("%s %s /admin/backup: %d", role, m, res.StatusCode)
			}
		}
		_, dash := ts.get(t, "/admin")
		if strings.Contains(dash, `href="/admin/backup"`) {
			t.Errorf("%s sees the backup menu item", role)
		}
	}
	ts.signIn(t, models.RoleAdmin)
	req, _ := http.NewRequest("POST", ts.URL+"/admin/backup", nil)
	req.Header.Set("Origin", "https://evil.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if res, body := ts.do(t, req); res.StatusCode != http.StatusForbidden || strings.Contains(body, "SQLite format") {
		t.Errorf("cross-site download: %d", res.StatusCode)
	}
	if _, dash := ts.get(t, "/admin"); !strings.Contains(dash, `href="/admin/backup"`) {
		t.Error("admin has no backup menu item")
	}
}
