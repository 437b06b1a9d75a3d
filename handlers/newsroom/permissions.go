package newsroom

import (
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// Action is something a newsroom user may be allowed to do. The menu's
// items are named by the action that opens them.
type Action string

// The actions, each route in the route table names the one it needs.
const (
	Dashboard Action = "dashboard"
	Profile   Action = "profile"
	// Articles is writing articles: one's own, unless OthersWork is allowed too.
	Articles Action = "articles"
	// Media is the image library: pictures of one's own articles.
	Media Action = "media"
	// OthersWork is changing articles and pictures that are someone else's
	// (see mayChange), and choosing an article's author.
	OthersWork Action = "others-work"
	// Publish is publishing, scheduling, unpublishing and taking down.
	Publish Action = "publish"
	// DeleteForGood is deleting articles and images for good.
	DeleteForGood Action = "delete"
	Corrections   Action = "corrections"
	Comments      Action = "comments"
	// FrontPage is choosing and ordering the front page's stories.
	FrontPage Action = "front"
	Sections  Action = "sections"
	// SitePages is writing the pages that are not news (About, Contact ...).
	SitePages Action = "pages"
	// KeyEvents is pinning a live article's entries among its key events.
	KeyEvents Action = "key-events"
	// Banner is raising and lowering the breaking-news banner.
	Banner   Action = "banner"
	Tags     Action = "tags"
	Settings Action = "settings"
	People   Action = "people"
	AuditLog Action = "audit"
	Backup   Action = "backup"
)

var (
	authorActions = []Action{Dashboard, Profile, Articles, Media}
	editorActions = append(slices.Clone(authorActions),
		OthersWork, Publish, DeleteForGood, Corrections, Comments, FrontPage, Sections, Tags, SitePages, KeyEvents, Banner)
	adminActions = append(slices.Clone(editorActions), Settings, People, AuditLog, Backup)
)

// Permissions is the one table of what each role may do.
var Permissions = map[string][]Action{
	models.RoleAuthor: authorActions,
	models.RoleEditor: editorActions,
	models.RoleAdmin:  adminActions,
}

// May reports whether u's role allows a.
func May(u models.User, a Action) bool {
	return u.ID != 0 && slices.Contains(Permissions[u.Role], a)
}

// Require answers 403 (the HTML error page) unless the signed-in user's
// role allows a.
func Require(a Action) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if !May(currentUser(c), a) {
				return echo.NewHTTPError(http.StatusForbidden, "Your role doesn't allow this. Ask an admin if you need it.")
			}
			return next(c)
		}
	}
}

// forbidden is the 403 answer, with what the user may not do.
func forbidden(msg string) error {
	return echo.NewHTTPError(http.StatusForbidden, msg)
}
