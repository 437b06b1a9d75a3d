package newsroom

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// AdminBackupPage offers a download of the whole database.
type AdminBackupPage struct {
	Layout
}

func (AdminBackupPage) Template() string { return "admin_backup" }

func (h *Handler) BackupShow(c echo.Context) error {
	l, err := h.layout(c, "Backup", "backup")
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, AdminBackupPage{Layout: l})
}

// BackupDownload makes a fresh, consistent copy of the database in a
// temporary file (VACUUM INTO, while the site goes on serving), checks it,
// sends it and deletes it.
func (h *Handler) BackupDownload(c echo.Context) error {
	ctx := c.Request().Context()
	dir, err := os.MkdirTemp("", "news-backup-*")
	if err != nil {
		return fmt.Errorf("handlers: backup: %w", err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "news.db")
	if err := h.Backup(ctx, path); err != nil {
		return err
	}
	if verdict, err := models.IntegrityCheck(ctx, path); err != nil || verdict != "ok" {
		return fmt.Errorf("handlers: backup integrity check: %q %w", verdict, err)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("handlers: backup: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("handlers: backup: %w", err)
	}
	name := "news-" + h.Now().UTC().Format("2006-01-02-150405") + ".db"
	h.audit(c, "backup.download", fmt.Sprintf("downloaded a backup, %s (%d bytes)", name, info.Size()))
	hd := c.Response().Header()
	hd.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	hd.Set("Content-Length", fmt.Sprint(info.Size()))
	return c.Stream(http.StatusOK, "application/vnd.sqlite3", f)
}
