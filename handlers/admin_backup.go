package handlers

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/db"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// AdminBackupPage offers a download of the whole database.
type AdminBackupPage struct {
	AdminLayout
}

func (AdminBackupPage) template() string { return views.PageAdminBackup }

// backupRoutes adds the backup page and its download, for admins only.
func (h *Handler) backupRoutes(admin *echo.Group) {
	onlyAdmin := requireRole(models.RoleAdmin)
	admin.GET("/backup", h.adminBackupShow, onlyAdmin)
	admin.POST("/backup", h.adminBackupDownload, onlyAdmin, limitBody(4<<10))
}

func (h *Handler) adminBackupShow(c echo.Context) error {
	l, err := h.adminLayout(c, "Backup", "backup")
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, AdminBackupPage{AdminLayout: l})
}

// adminBackupDownload makes a fresh, consistent copy of the database in a
// temporary file (VACUUM INTO, while the site goes on serving), checks it,
// sends it and deletes it.
func (h *Handler) adminBackupDownload(c echo.Context) error {
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
	if verdict, err := db.IntegrityCheck(ctx, path); err != nil || verdict != "ok" {
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
	h.audit(c, "backup.download", fmt.Sprintf("%s, %d bytes", name, info.Size()))
	hd := c.Response().Header()
	hd.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	hd.Set("Content-Length", fmt.Sprint(info.Size()))
	return c.Stream(http.StatusOK, "application/vnd.sqlite3", f)
}
