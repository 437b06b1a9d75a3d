package newsroom

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/handlers/live"
	"github.com/newsroom/news/models"
)

// EntryForm is the composer: one text box, optionally a picture from the
// library with a caption.
type EntryForm struct {
	Text        string `form:"text"`
	MediaID     int64  `form:"media"`
	Caption     string `form:"caption"`
	Version     int    `form:"version"`
	FieldErrors map[string]string
}

// AdminLivePage is a live article's composer and its entries.
type AdminLivePage struct {
	Layout
	Article  models.Article
	Entries  []models.LiveEntry
	Form     EntryForm
	Pictures []models.Media // the newest pictures of the library
	// CanPin is whether the user may pin entries (editors).
	CanPin bool
}

func (AdminLivePage) Template() string { return "admin_live" }

// LiveShow is the composer of a live article.
func (h *Handler) LiveShow(c echo.Context) error {
	a, err := h.articleToEdit(c)
	if err != nil {
		return err
	}
	return h.renderLive(c, http.StatusOK, a, EntryForm{})
}

// renderLive shows the composer for a with form f.
func (h *Handler) renderLive(c echo.Context, status int, a models.Article, f EntryForm) error {
	l, err := h.layout(c, "Live: "+a.Title, "articles")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	p := AdminLivePage{Layout: l, Article: kit.ArticleInZone(a, l.Site.Location()), Form: f, CanPin: May(l.User, KeyEvents)}
	if p.Entries, err = h.Live.Entries(ctx, a.ID); err != nil {
		return err
	}
	for i := range p.Entries {
		p.Entries[i] = kit.EntryInZone(p.Entries[i], l.Site.Location())
	}
	if p.Pictures, _, err = h.Media.List(ctx, "", 1, pictureViewer(l.User)); err != nil {
		return err
	}
	return h.render(c, status, p)
}

// LiveStart switches an article to live coverage.
func (h *Handler) LiveStart(c echo.Context) error {
	a, err := h.articleToEdit(c)
	if err != nil {
		return err
	}
	follows, _ := strconv.ParseInt(c.FormValue("follows"), 10, 64)
	if follows != 0 {
		if _, err := h.Articles.PublishedByID(c.Request().Context(), follows); err != nil {
			follows = 0
		}
	}
	if err := h.Live.StartCoverage(c.Request().Context(), a.ID, follows); err != nil {
		return err
	}
	h.Entries.Forget(a.ID)
	h.audit(c, "article.live.start", "started live coverage of "+quoted(a.Title))
	h.addFlash(c, "Live coverage started. Entries you post appear on the article at once.")
	return c.Redirect(http.StatusSeeOther, liveAdminPath(a.ID))
}

// LiveEnd ends an article's live coverage.
func (h *Handler) LiveEnd(c echo.Context) error {
	a, err := h.articleToEdit(c)
	if err != nil {
		return err
	}
	if err := h.Live.EndCoverage(c.Request().Context(), a.ID); err != nil && !errors.Is(err, models.ErrNotFound) {
		return err
	}
	h.Entries.Forget(a.ID)
	h.LiveHub.CloseTopic(a.ID)
	h.audit(c, "article.live.end", "ended live coverage of "+quoted(a.Title))
	h.addFlash(c, "Live coverage ended. The entries stay on the article.")
	return c.Redirect(http.StatusSeeOther, liveAdminPath(a.ID))
}

func liveAdminPath(articleID int64) string { return fmt.Sprintf("/admin/articles/%d/live", articleID) }

// entryError is the message by the text box for a refused entry, "" for
// an error that is not the editor's to fix.
func entryError(err error) (field, msg string) {
	switch {
	case errors.Is(err, models.ErrEntryText):
		return "text", fmt.Sprintf("Write the update (at most %d characters).", models.MaxEntryLen)
	case errors.Is(err, models.ErrMediaText):
		return "caption", fmt.Sprintf("The caption can be at most %d characters.", models.MaxCaptionLen)
	case errors.Is(err, models.ErrNotLive):
		return "text", "This article is not live: start the coverage first."
	case errors.Is(err, models.ErrConflict):
		return "text", "Someone changed this entry while you were editing it. Their version is below; yours is in the box."
	}
	return "", ""
}

// LiveEntryCreate posts an entry from the composer.
func (h *Handler) LiveEntryCreate(c echo.Context) error {
	a, err := h.articleToEdit(c)
	if err != nil {
		return err
	}
	f, err := h.bindEntry(c)
	if err != nil {
		return err
	}
	if f.FieldErrors != nil {
		return h.renderLive(c, http.StatusUnprocessableEntity, a, f)
	}
	e, err := h.Live.Post(c.Request().Context(), models.EntryInput{ArticleID: a.ID, UserID: currentUser(c).ID,
		BodyMD: f.Text, MediaID: f.MediaID, Caption: f.Caption})
	if field, msg := entryError(err); field != "" {
		f.FieldErrors = map[string]string{field: msg}
		return h.renderLive(c, http.StatusUnprocessableEntity, a, f)
	}
	if err != nil {
		return err
	}
	h.Entries.Publish(c.Request().Context(), live.EventEntry, e)
	return c.Redirect(http.StatusSeeOther, liveAdminPath(a.ID)+"#"+e.Anchor())
}

// bindEntry reads the composer's form; a picture that cannot go with an
// entry is marked in its FieldErrors.
func (h *Handler) bindEntry(c echo.Context) (EntryForm, error) {
	var f EntryForm
	if err := kit.BindForm(c, &f); err != nil {
		return f, err
	}
	if msg := h.checkPicture(c, f.MediaID); msg != "" {
		f.FieldErrors = map[string]string{"media": msg}
	}
	return f, nil
}

// checkPicture returns why the library picture id cannot go with an entry,
// "" when it can (or when there is none).
func (h *Handler) checkPicture(c echo.Context, id int64) string {
	if id == 0 {
		return ""
	}
	m, err := h.Media.Get(c.Request().Context(), id)
	switch {
	case errors.Is(err, models.ErrNotFound), id < 0:
		return "That picture is not in the library."
	case err != nil:
		return "The picture could not be loaded; try again."
	case m.Alt == "":
		return "The picture needs alt text first: add it in the media library."
	}
	return ""
}
