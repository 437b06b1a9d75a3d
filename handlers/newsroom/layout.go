package newsroom

import (
	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// Layout is what every /admin page shows around its content.
type Layout struct {
	Title   string
	User    models.User // the signed-in user
	Flashes []string    // messages from the previous request
	Site    models.Settings
	Nav     string // active menu item: "articles", "comments", "sections", "tags", "media", "settings", "people", "audit"
}

// Can reports whether the signed-in user may use the menu item area.
func (l Layout) Can(area string) bool { return May(l.User, Action(area)) }

// layout loads the signed-in user's chrome (and consumes flashes).
func (h *Handler) layout(c echo.Context, title, nav string) (Layout, error) {
	st, err := h.Settings.Get(c.Request().Context())
	if err != nil {
		return Layout{}, err
	}
	l := Layout{Title: title, User: currentUser(c), Site: st, Nav: nav}
	sess := h.session(c)
	if fl := sess.Flashes(); len(fl) > 0 {
		for _, f := range fl {
			if s, ok := f.(string); ok {
				l.Flashes = append(l.Flashes, s)
			}
		}
		h.saveSession(c, sess)
	}
	return l, nil
}

// MenuItem is one link in the newsroom's navigation.
type MenuItem struct {
	Key, Label, URL string
	Current         bool
}

// adminMenu is the navigation in order; Menu keeps what the user may use.
var adminMenu = []MenuItem{
	{Key: "articles", Label: "Articles", URL: "/admin/articles"},
	{Key: "pages", Label: "Pages", URL: "/admin/pages"},
	{Key: "comments", Label: "Comments", URL: "/admin/comments"},
	{Key: "front", Label: "Front page", URL: "/admin/front"},
	{Key: "sections", Label: "Sections", URL: "/admin/sections"},
	{Key: "tags", Label: "Tags", URL: "/admin/tags"},
	{Key: "media", Label: "Media", URL: "/admin/media"},
	{Key: "settings", Label: "Settings", URL: "/admin/settings"},
	{Key: "people", Label: "People", URL: "/admin/people"},
	{Key: "audit", Label: "Audit log", URL: "/admin/audit"},
	{Key: "backup", Label: "Backup", URL: "/admin/backup"},
}

// Menu is the navigation the signed-in user may use, the active item marked.
func (l Layout) Menu() []MenuItem {
	var out []MenuItem
	for _, m := range adminMenu {
		if l.Can(m.Key) {
			m.Current = m.Key == l.Nav
			out = append(out, m)
		}
	}
	return out
}
