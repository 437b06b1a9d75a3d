package newsroom

import (
	"crypto/rand"
	"errors"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"time"

	"github.com/gorilla/sessions"
	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// Session settings. The cookie carries only a random token naming the
// server's record of the session (models.SessionStore), which is what ends
// it: signing out, a password or role change, disabling the account, the
// idle limit, the absolute lifetime.
const (
	SessionCookie = "news_session"
	keyToken      = "sid"

	ctxUser    = "admin_user"
	ctxSession = "admin_session"
)

// authState is what signing in needs beyond the stores, built once in New.
type authState struct {
	sessions *sessions.CookieStore
	limiter  *loginLimiter
	origins  *http.CrossOriginProtection
	// checks bounds how many password checks run at once: each is a
	// deliberately slow bcrypt comparison, and a flood of sign-ins from
	// many addresses must not take every core from the readers.
	checks chan struct{}
}

func newAuthState(deps Deps) authState {
	keys := deps.SessionKeys
	if len(keys) == 0 {
		k := make([]byte, 64)
		rand.Read(k)
		keys = [][]byte{k}
	}
	store := sessions.NewCookieStore(keys...)
	store.Options = &sessions.Options{
		Path:     "/admin",
		MaxAge:   int(models.SessionLifetime / time.Second),
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
		Secure:   deps.SecureCookies,
	}
	// The cookie's own signature expires with the session's lifetime too
	// (by the real clock); the server's record decides before that.
	store.MaxAge(store.Options.MaxAge)
	return authState{
		sessions: store,
		limiter:  newLoginLimiter(deps.Now),
		origins:  http.NewCrossOriginProtection(),
		checks:   make(chan struct{}, max(1, runtime.NumCPU()/2)),
	}
}

// currentUser returns the signed-in user inside the admin group.
func currentUser(c echo.Context) models.User {
	u, _ := c.Get(ctxUser).(models.User)
	return u
}

// addFlash queues a message for the next admin page.
func (h *Handler) addFlash(c echo.Context, msg string) {
	sess := h.session(c)
	sess.AddFlash(msg)
	h.saveSession(c, sess)
}

// audit records an action in the audit log: who (the signed-in user), what, detail.
func (h *Handler) audit(c echo.Context, action, detail string) {
	h.auditAs(c, currentUser(c), action, detail)
}

func (h *Handler) auditAs(c echo.Context, u models.User, action, detail string) {
	err := h.Audit.Record(c.Request().Context(), models.AuditEntry{
		UserID: u.ID, UserName: u.Name, Action: action, Detail: detail, IP: c.RealIP(),
	})
	if err != nil {
		h.Logger.Error("audit", "id", kit.RequestID(c), "action", action, "err", err)
	}
}

// session returns this request's session; a cookie that does not decode
// (old keys, tampering) gives an empty one, which saving replaces. The
// store hands back the same session for the whole request.
func (h *Handler) session(c echo.Context) *sessions.Session {
	sess, _ := h.auth.sessions.Get(c.Request(), SessionCookie)
	return sess
}

func (h *Handler) saveSession(c echo.Context, sess *sessions.Session) {
	if c.Request().TLS != nil {
		sess.Options.Secure = true
	}
	if err := sess.Save(c.Request(), c.Response()); err != nil {
		h.Logger.Error("save session", "id", kit.RequestID(c), "err", err)
	}
}

// startSession signs u in with a new session: a new server record, and a
// cookie holding nothing from the session the browser had before, so a
// session planted before sign-in (fixation) is worthless. The cookie is
// re-encrypted with a fresh random IV, so its value changes too.
func (h *Handler) startSession(c echo.Context, u models.User) error {
	req := c.Request()
	if old := h.sessionToken(c); old != "" {
		if err := h.Sessions.End(req.Context(), old); err != nil {
			return err
		}
	}
	token, _, err := h.Sessions.Start(req.Context(), u.ID, req.UserAgent(), c.RealIP())
	if err != nil {
		return err
	}
	sess := h.session(c)
	sess.Values = map[any]any{keyToken: token}
	h.saveSession(c, sess)
	return nil
}

// sessionToken is the token this request's cookie carries, if any.
func (h *Handler) sessionToken(c echo.Context) string {
	token, _ := h.session(c).Values[keyToken].(string)
	return token
}

// endSession signs out: the server's record is gone, and the new cookie
// holds no session, only msg.
func (h *Handler) endSession(c echo.Context, msg string) {
	if token := h.sessionToken(c); token != "" {
		if err := h.Sessions.End(c.Request().Context(), token); err != nil {
			h.Logger.Error("end session", "id", kit.RequestID(c), "err", err)
		}
	}
	sess := h.session(c)
	sess.Values = map[any]any{}
	if msg != "" {
		sess.AddFlash(msg)
	}
	h.saveSession(c, sess)
}

// sessionUser returns the user this request's session belongs to; ok is
// false when there is none, it has ended, or the user is gone or
// disabled. idle says the idle limit ended it.
func (h *Handler) sessionUser(c echo.Context) (u models.User, sess models.Session, ok, idle bool) {
	token := h.sessionToken(c)
	if token == "" {
		return u, sess, false, false
	}
	ctx := c.Request().Context()
	sess, err := h.Sessions.Check(ctx, token)
	if err != nil {
		if !errors.Is(err, models.ErrSessionEnded) {
			h.Logger.Error("check session", "id", kit.RequestID(c), "err", err)
		}
		return u, sess, false, errors.Is(err, models.ErrSessionIdle)
	}
	u, err = h.Users.ByID(ctx, sess.UserID)
	if err != nil || u.Disabled {
		return models.User{}, sess, false, false
	}
	return u, sess, true, false
}

// RequireSession lets signed-in users through and sends everyone else to
// the sign-in page, which brings them back afterwards.
func (h *Handler) RequireSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		u, sess, ok, idle := h.sessionUser(c)
		if !ok {
			if h.sessionToken(c) != "" {
				msg := "Your session has ended. Please sign in again."
				if idle {
					msg = "You were signed out after 12 hours without activity. Please sign in again."
				}
				h.endSession(c, msg)
			}
			to := "/admin/login"
			if next := c.Request().URL.RequestURI(); c.Request().Method == http.MethodGet && next != "/admin" {
				to += "?next=" + url.QueryEscape(next)
			}
			return c.Redirect(http.StatusSeeOther, to)
		}
		c.Set(ctxUser, u)
		c.Set(ctxSession, sess)
		return next(c)
	}
}

// NoStore keeps admin pages out of every cache: they hold private data.
func NoStore(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set("Cache-Control", "no-store")
		return next(c)
	}
}

// localNext returns next when it is a path inside the newsroom, else
// "/admin": a sign-in link can never send anyone to another site.
func localNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/admin") || strings.ContainsAny(next, "\\\r\n\t") {
		return "/admin"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || strings.HasPrefix(next, "//") {
		return "/admin"
	}
	if u.Path != "/admin" && !strings.HasPrefix(u.Path, "/admin/") {
		return "/admin"
	}
	return next
}

// StartSession signs u in on this request's response, as the sign-in form
// does after checking the password; tests use it to sign in quickly.
func (h *Handler) StartSession(c echo.Context, u models.User) error { return h.startSession(c, u) }

// PasswordSlots is the semaphore that bounds how many password checks run
// at once; a test fills it to show that sign-ins wait for a free slot.
func (h *Handler) PasswordSlots() chan struct{} { return h.auth.checks }
