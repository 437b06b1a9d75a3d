package newsroom

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/handlers/live"
	"github.com/newsroom/news/models"
)

// AdminLiveEntryPage edits one entry of a live article.
type AdminLiveEntryPage struct {
	Layout
	Article models.Article
	Entry   models.LiveEntry
	Form    EntryForm
	// Theirs is the entry as another editor saved it meanwhile, if so.
	Theirs *models.LiveEntry
}

func (AdminLiveEntryPage) Template() string { return "admin_live_entry" }

// liveEntry loads entry :id and its article, if the user may change it.
func (h *Handler) liveEntry(c echo.Context) (models.LiveEntry, models.Article, error) {
	id, err := kit.IDParam(c, "id")
	if err != nil {
		return models.LiveEntry{}, models.Article{}, err
	}
	ctx := c.Request().Context()
	e, err := h.Live.Entry(ctx, id)
	if err != nil {
		return e, models.Article{}, kit.NotFoundIf(err)
	}
	a, err := h.Articles.ByID(ctx, e.ArticleID)
	if err != nil {
		return e, a, kit.NotFoundIf(err)
	}
	if !mayChange(currentUser(c), entryStake(e, a)) {
		return e, a, forbidden("Authors can change only their own entries, on articles they write or co-write.")
	}
	return e, a, nil
}

// LiveEntryEdit opens one entry for editing.
func (h *Handler) LiveEntryEdit(c echo.Context) error {
	e, a, err := h.liveEntry(c)
	if err != nil {
		return err
	}
	f := EntryForm{Text: e.BodyMD, Caption: e.Caption, Version: e.Version}
	if e.Picture != nil {
		f.MediaID = e.Picture.ID
	}
	return h.renderLiveEntry(c, http.StatusOK, e, a, f, nil)
}

func (h *Handler) renderLiveEntry(c echo.Context, status int, e models.LiveEntry, a models.Article, f EntryForm, theirs *models.LiveEntry) error {
	l, err := h.layout(c, "Edit entry", "articles")
	if err != nil {
		return err
	}
	loc := l.Site.Location()
	e = kit.EntryInZone(e, loc)
	if theirs != nil {
		t := kit.EntryInZone(*theirs, loc)
		theirs = &t
	}
	return h.render(c, status, AdminLiveEntryPage{Layout: l, Article: a, Entry: e, Form: f, Theirs: theirs})
}

// LiveEntryUpdate saves an edited entry, unless someone changed it meanwhile.
func (h *Handler) LiveEntryUpdate(c echo.Context) error {
	e, a, err := h.liveEntry(c)
	if err != nil {
		return err
	}
	f, err := h.bindEntry(c)
	if err != nil {
		return err
	}
	if f.FieldErrors != nil {
		return h.renderLiveEntry(c, http.StatusUnprocessableEntity, e, a, f, nil)
	}
	ctx := c.Request().Context()
	saved, err := h.Live.Update(ctx, e.ID, f.Version, models.EntryInput{UserID: currentUser(c).ID,
		BodyMD: f.Text, MediaID: f.MediaID, Caption: f.Caption})
	if field, msg := entryError(err); field != "" {
		f.FieldErrors = map[string]string{field: msg}
		var theirs *models.LiveEntry
		if errors.Is(err, models.ErrConflict) {
			if cur, err := h.Live.Entry(ctx, e.ID); err == nil {
				theirs, e = &cur, cur
				f.Version = cur.Version
			}
		}
		return h.renderLiveEntry(c, http.StatusConflict, e, a, f, theirs)
	}
	if err != nil {
		return kit.NotFoundIf(err)
	}
	h.Entries.Publish(ctx, live.EventEdit, saved)
	h.audit(c, "live.entry.edit", "edited an update of "+quoted(a.Title))
	h.addFlash(c, "Entry updated; the earlier text is kept.")
	return c.Redirect(http.StatusSeeOther, liveAdminPath(a.ID)+"#"+saved.Anchor())
}

// LiveEntryRemove hides an entry from readers, keeping it in its revisions.
func (h *Handler) LiveEntryRemove(c echo.Context) error {
	e, a, err := h.liveEntry(c)
	if err != nil {
		return err
	}
	if err := h.Live.Remove(c.Request().Context(), e.ID, currentUser(c).ID); err != nil {
		return kit.NotFoundIf(err)
	}
	h.Entries.Publish(c.Request().Context(), live.EventRemove, e)
	h.audit(c, "live.entry.remove", "removed an update from "+quoted(a.Title))
	h.addFlash(c, "Entry removed from the article; it is kept in its revisions.")
	return c.Redirect(http.StatusSeeOther, liveAdminPath(a.ID))
}

// LiveEntryPin pins an entry among the key events, or unpins it.
func (h *Handler) LiveEntryPin(c echo.Context) error {
	e, a, err := h.liveEntry(c)
	if err != nil {
		return err
	}
	pin := c.FormValue("pinned") == "1"
	ctx := c.Request().Context()
	if err := h.Live.SetPinned(ctx, e.ID, currentUser(c).ID, pin); err != nil {
		return kit.NotFoundIf(err)
	}
	if saved, err := h.Live.Entry(ctx, e.ID); err == nil {
		h.Entries.Publish(ctx, live.EventEdit, saved)
	}
	return c.Redirect(http.StatusSeeOther, liveAdminPath(a.ID)+"#"+e.Anchor())
}

// bannerHours are the lifetimes an editor picks from when raising a banner.
var bannerHours = []int{1, 2, 4, 8, 12, 24}

// BannerForm raises the breaking-news banner in one step.
type BannerForm struct {
	Text        string `form:"text"`
	Link        string `form:"link"`
	Hours       int    `form:"hours"`
	FieldErrors map[string]string
}

// BannerRaise raises the breaking-news banner in one step.
func (h *Handler) BannerRaise(c echo.Context) error {
	var f BannerForm
	if err := kit.BindForm(c, &f); err != nil {
		return err
	}
	b := models.Banner{Text: f.Text, Link: f.Link, EndsAt: h.Now().Add(time.Duration(f.Hours) * time.Hour)}
	err := h.Banners.Raise(c.Request().Context(), b, currentUser(c).ID)
	if errors.Is(err, models.ErrBanner) {
		f.FieldErrors = map[string]string{"banner": "The banner needs a line of text (at most 200 characters), " +
			"a link that starts with / or https:// (or none) and how long it stays up."}
		return h.renderDashboard(c, http.StatusUnprocessableEntity, f)
	}
	if err != nil {
		return err
	}
	loc := time.UTC
	if st, err := h.Settings.Get(c.Request().Context()); err == nil {
		loc = st.Location()
	}
	h.audit(c, "banner.raise", "raised the banner "+quoted(strings.TrimSpace(b.Text))+" until "+when(b.EndsAt, loc))
	h.addFlash(c, "The banner is up on every page.")
	return c.Redirect(http.StatusSeeOther, "/admin")
}

// BannerLower takes the banner down.
func (h *Handler) BannerLower(c echo.Context) error {
	err := h.Banners.Lower(c.Request().Context())
	if err != nil && !errors.Is(err, models.ErrNotFound) {
		return err
	}
	if err == nil {
		h.audit(c, "banner.lower", "lowered the banner")
	}
	h.addFlash(c, "The banner is down.")
	return c.Redirect(http.StatusSeeOther, "/admin")
}

// dashboardLive fills in the dashboard's banner and live articles.
func (h *Handler) dashboardLive(ctx context.Context, p *AdminDashboardPage) error {
	b, err := h.Banners.Current(ctx)
	switch {
	case err == nil:
		b.EndsAt = b.EndsAt.In(p.Site.Location())
		p.Banner = &b
	case !errors.Is(err, models.ErrNotFound):
		return err
	}
	p.LiveNow, err = h.Live.LiveNow(ctx, 20)
	return err
}
