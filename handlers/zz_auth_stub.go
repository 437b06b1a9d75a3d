package handlers

// Stand-ins for the sign-in work's admin helpers, with the same signatures.
// Sessions here are random tokens known only to this process; nothing in
// production creates one, so every /admin page redirects to the sign-in page.

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"sync"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// AdminLayout is what every /admin page shows around its content.
type AdminLayout struct {
	Title   string
	User    models.User
	Flashes []string
	Site    models.Settings
	Nav     string
}

const stubCookie = "news_stub_session"

var stubSessions sync.Map // token -> *stubSession

type stubSession struct {
	mu      sync.Mutex
	user    models.User
	flashes []string
}

func stubStart(u models.User) string {
	var b [16]byte
	rand.Read(b[:])
	tok := hex.EncodeToString(b[:])
	stubSessions.Store(tok, &stubSession{user: u})
	return tok
}

func stubSessionOf(c echo.Context) *stubSession {
	ck, err := c.Cookie(stubCookie)
	if err != nil {
		return nil
	}
	s, _ := stubSessions.Load(ck.Value)
	ss, _ := s.(*stubSession)
	return ss
}

// adminLayout loads the signed-in user's chrome (and consumes flashes).
func (h *Handler) adminLayout(c echo.Context, title, nav string) (AdminLayout, error) {
	st, err := h.Settings.Get(c.Request().Context())
	if err != nil {
		return AdminLayout{}, err
	}
	l := AdminLayout{Title: title, User: currentUser(c), Site: st, Nav: nav}
	if s := stubSessionOf(c); s != nil {
		s.mu.Lock()
		l.Flashes, s.flashes = s.flashes, nil
		s.mu.Unlock()
	}
	return l, nil
}

// adminGroup returns the /admin group.
func (h *Handler) adminGroup(e *echo.Echo) *echo.Group {
	g := e.Group("/admin")
	g.Use(echo.WrapMiddleware(http.NewCrossOriginProtection().Handler))
	g.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			c.Response().Header().Set("Cache-Control", "no-store")
			s := stubSessionOf(c)
			if s == nil {
				return c.Redirect(http.StatusSeeOther, "/admin/login?next="+url.QueryEscape(c.Request().URL.RequestURI()))
			}
			c.Set("stub_user", s.user)
			return next(c)
		}
	})
	return g
}

// currentUser returns the signed-in user inside the admin group.
func currentUser(c echo.Context) models.User {
	u, _ := c.Get("stub_user").(models.User)
	return u
}

// requireRole answers 403 unless the signed-in user has one of roles.
func requireRole(roles ...string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			u := currentUser(c)
			for _, r := range roles {
				if u.Role == r {
					return next(c)
				}
			}
			return echo.NewHTTPError(http.StatusForbidden)
		}
	}
}

// addFlash queues a message for the next admin page.
func (h *Handler) addFlash(c echo.Context, msg string) {
	if s := stubSessionOf(c); s != nil {
		s.mu.Lock()
		s.flashes = append(s.flashes, msg)
		s.mu.Unlock()
	}
}

// audit records an action in the audit log.
func (h *Handler) audit(c echo.Context, action, detail string) {
	h.Logger.Info("audit", "user", currentUser(c).ID, "action", action, "detail", detail)
}
