package newsroom

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// SessionItem is one place the user is signed in, as their profile lists it.
type SessionItem struct {
	models.Session
	Current bool // this browser
}

// sessionItems lists the signed-in user's sessions, this one marked.
func (h *Handler) sessionItems(c echo.Context) ([]SessionItem, error) {
	list, err := h.Sessions.List(c.Request().Context(), currentUser(c).ID)
	if err != nil {
		return nil, err
	}
	this, _ := c.Get(ctxSession).(models.Session)
	out := make([]SessionItem, len(list))
	for i, s := range list {
		out[i] = SessionItem{Session: s, Current: s.ID == this.ID}
	}
	return out, nil
}

// SessionEnd ends one of the user's own sessions, named by the id the
// profile lists (a hash, never the cookie's token).
func (h *Handler) SessionEnd(c echo.Context) error {
	u := currentUser(c)
	this, _ := c.Get(ctxSession).(models.Session)
	id := c.FormValue("session")
	err := h.Sessions.EndOne(c.Request().Context(), u.ID, id)
	if errors.Is(err, models.ErrNotFound) {
		h.addFlash(c, "That session had already ended.")
		return c.Redirect(http.StatusSeeOther, "/admin/profile")
	}
	if err != nil {
		return err
	}
	h.audit(c, "session.end", "ended one of their sessions")
	if id == this.ID {
		h.endSession(c, "You have signed out.")
		return c.Redirect(http.StatusSeeOther, "/admin/login")
	}
	h.addFlash(c, "That session is signed out.")
	return c.Redirect(http.StatusSeeOther, "/admin/profile")
}

// SessionsEndOthers ends every session of the user but this one.
func (h *Handler) SessionsEndOthers(c echo.Context) error {
	n, err := h.Sessions.EndAll(c.Request().Context(), currentUser(c).ID, h.sessionToken(c))
	if err != nil {
		return err
	}
	h.audit(c, "session.end", "signed out everywhere else")
	if n == 0 {
		h.addFlash(c, "You were signed in nowhere else.")
	} else {
		h.addFlash(c, "You are signed out everywhere else.")
	}
	return c.Redirect(http.StatusSeeOther, "/admin/profile")
}
