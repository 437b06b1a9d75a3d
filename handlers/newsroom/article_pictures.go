package newsroom

import (
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/models/imaging"
)

// maxEditorUpload bounds the editor's form sent with one picture: the
// picture (10 MB at most) and the article's text.
const maxEditorUpload = imaging.MaxImageBytes + 3<<20

// EditorUploadLimit bounds the editor's form sent with one picture.
var EditorUploadLimit = kit.AnnouncedLimit(maxEditorUpload, msgUploadTooLarge)

// PictureForm is the editor's picture panel as filled in.
type PictureForm struct {
	Alt     string `form:"picture_alt"`
	Caption string `form:"picture_caption"`
	Credit  string `form:"picture_credit"`
	Use     string `form:"picture_use"` // "inline" (into the text at the cursor) or "lead"
	Cursor  string `form:"cursor"`      // where the cursor was in the text, in UTF-16 units as browsers count
}

// ArticlePictureNew adds a picture to a new article, saving it as a draft.
func (h *Handler) ArticlePictureNew(c echo.Context) error {
	return h.articlePicture(c, models.Article{})
}

// ArticlePicture adds a picture to a stored article, or removes its lead.
func (h *Handler) ArticlePicture(c echo.Context) error {
	a, err := h.articleToEdit(c)
	if err != nil {
		return err
	}
	return h.articlePicture(c, a)
}

// articlePicture stores the uploaded picture, puts it in the text at the
// cursor or makes it the lead, then saves the article (a new one or a
// draft) or shows the editor again with the text kept (a published one,
// which changes only when Update is pressed).
func (h *Handler) articlePicture(c echo.Context, old models.Article) error {
	req := c.Request()
	_ = http.NewResponseController(c.Response().Writer).SetReadDeadline(time.Now().Add(uploadTimeout))
	if err := req.ParseMultipartForm(8 << 20); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "The picture could not be read. Please choose it again.")
	}
	defer req.MultipartForm.RemoveAll()
	var f ArticleForm
	var pf PictureForm
	if err := kit.BindForm(c, &f); err != nil {
		return err
	}
	if err := kit.BindForm(c, &pf); err != nil {
		return err
	}
	ctx := req.Context()
	if f.Action == "lead_remove" && old.ID != 0 {
		// After the text is saved (a revision), so the form's version holds.
		remove := func(a models.Article) error {
			h.audit(c, "article.lead_image", "removed the lead picture of "+quoted(a.Title))
			return h.Media.SetLeadBy(ctx, a.ID, 0, editor(c, ""))
		}
		return h.pictureDone(c, old, f, "Lead picture removed.", remove)
	}
	files := req.MultipartForm.File["picture"]
	msg := ""
	var m models.Media
	if len(files) == 0 {
		msg = "Choose a picture to upload first."
	} else if strings.TrimSpace(pf.Alt) == "" {
		msg = "Describe the picture (alt text) for readers who cannot see it, then choose the file again."
	} else if stored, err := h.storeUpload(c, files[0]); err != nil {
		msg = "The picture was not stored: " + h.userMessage(c, err) + "."
	} else if m, err = h.Media.UpdateMeta(ctx, stored.ID, models.MediaMeta{Alt: pf.Alt, Caption: pf.Caption, Credit: pf.Credit}); err != nil {
		msg = "The picture was not stored: " + h.userMessage(c, err) + "."
	}
	if msg != "" {
		return h.pictureRefused(c, old, f, msg)
	}
	h.audit(c, "media.upload", "uploaded the picture "+quoted(m.Alt)+" in the editor")
	var lead func(models.Article) error
	if pf.Use == "lead" {
		lead = func(a models.Article) error {
			h.audit(c, "article.lead_image", "made "+quoted(m.Alt)+" the lead picture of "+quoted(a.Title))
			return h.Media.SetLeadBy(ctx, a.ID, m.ID, editor(c, ""))
		}
	} else {
		f.Body = insertAt(f.Body, pf.Cursor, "\n\n"+m.BodyMarkdown()+"\n\n")
	}
	return h.pictureDone(c, old, f, "Picture added.", lead)
}

// pictureDone saves the article with the picture, or, when it is live or
// scheduled, shows the editor again with the text as it now stands.
func (h *Handler) pictureDone(c echo.Context, old models.Article, f ArticleForm, note string, lead func(models.Article) error) error {
	state := old.State(h.Now())
	if old.ID != 0 && (state == models.StatusPublished || state == models.StatusScheduled) {
		if lead != nil {
			if err := lead(old); err != nil {
				return kit.NotFoundIf(err)
			}
			// The lead change is a revision of its own: the text being
			// edited now stands on it.
			if f.Version == strconv.Itoa(old.Version) {
				f.Version = strconv.Itoa(old.Version + 1)
			}
		}
		p, err := h.editorPage(c, old, f)
		if err != nil {
			return err
		}
		p.Flashes = append(p.Flashes, note+" Readers see the change in the text when you press Update.")
		return h.render(c, http.StatusOK, p)
	}
	f.Action = "update"
	if old.ID == 0 {
		f.Action = "draft"
	}
	h.addFlash(c, note)
	return h.saveArticleForm(c, old, f, lead)
}

// pictureRefused shows the editor again with everything typed and why the
// picture was not added.
func (h *Handler) pictureRefused(c echo.Context, old models.Article, f ArticleForm, msg string) error {
	p, err := h.editorPage(c, old, f)
	if err != nil {
		return err
	}
	p.PictureError = msg
	return h.render(c, http.StatusUnprocessableEntity, p)
}

// insertAt puts s into text at cursor, a position counted in UTF-16 code
// units as a browser's selectionStart is; no or a bad cursor is the end.
func insertAt(text, cursor, s string) string {
	n, err := strconv.Atoi(cursor)
	if err != nil || n < 0 {
		return strings.TrimRight(text, "\n") + s
	}
	units := 0
	for i, r := range text {
		if units >= n {
			return strings.TrimRight(text[:i], "\n") + s + strings.TrimLeft(text[i:], "\n")
		}
		units += len(utf16.Encode([]rune{r}))
	}
	return strings.TrimRight(text, "\n") + s
}
