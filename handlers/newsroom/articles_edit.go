package newsroom

import (
	"errors"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// AdminArticleEditPage is the article editor, new or existing.
type AdminArticleEditPage struct {
	Layout
	Form          ArticleForm
	Article       models.Article // as stored; zero ID for a new article
	State         string         // the stored article's state
	Live          bool
	Sections      []models.Category
	Authors       []models.User
	CanPickAuthor bool
	CanPublish    bool
	Locked        string // why this user cannot save the article, if they cannot
	Preview       template.HTML
	Previewing    bool
	Conflict      *EditConflict
	Corrections   []models.Correction
	Correction    CorrectionForm
	Lead          *models.Media // the lead image, if any
	PictureError  string        // why the picture just sent was not added
	now           time.Time
}

// Scheduling reports whether the publish time in the form is in the
// future, so that the publish button schedules.
func (p AdminArticleEditPage) Scheduling() bool {
	return p.Form.futureTime(p.now, p.Site.Location())
}

// ReaderState says in words what readers see of the stored article.
func (p AdminArticleEditPage) ReaderState() string {
	switch {
	case p.Article.ID == 0:
		return "Not saved yet. Readers see nothing."
	case p.State == models.StatusDraft:
		return "Draft. Readers see nothing until it is published."
	case p.State == models.StatusReview:
		return "Submitted for review: waiting for an editor. Readers see nothing yet."
	case p.State == models.StatusScheduled:
		return "Scheduled. Readers see it from " + p.Article.PublishedAt.Format("Monday 2 January 2006 at 15:04") + " (" + p.Site.TimeZone + ")."
	case p.State == models.StatusPublished:
		return "Published " + p.Article.PublishedAt.Format("2 January 2006 at 15:04") + ". Readers see it now."
	}
	return "In the trash. Readers see nothing."
}

// EditConflict is what someone else saved while this editor was typing.
type EditConflict struct {
	Theirs     models.Article
	TheirsTags string
	Changed    []string          // the fields where the two differ
	BodyDiff   []models.DiffLine // from their text to this editor's
}

func (AdminArticleEditPage) Template() string { return "admin_article_edit" }

// PictureAction is where the picture buttons post the whole form.
func (p AdminArticleEditPage) PictureAction() string {
	if p.Article.ID == 0 {
		return "/admin/articles/picture"
	}
	return p.Action() + "/picture"
}

// CoAuthorSlots are the co-author choices the editor shows: one per
// co-author in the form, then an empty one to add another.
func (p AdminArticleEditPage) CoAuthorSlots() []string {
	var out []string
	for _, v := range p.Form.CoAuthors {
		if v != "" {
			out = append(out, v)
		}
	}
	if len(out)+1 < models.MaxAuthors {
		out = append(out, "")
	}
	return out
}

// Action is where the editor's form posts.
func (p AdminArticleEditPage) Action() string {
	if p.Article.ID == 0 {
		return "/admin/articles"
	}
	return "/admin/articles/" + strconv.FormatInt(p.Article.ID, 10)
}

// ArticleNew shows an empty editor.
func (h *Handler) ArticleNew(c echo.Context) error {
	u := currentUser(c)
	f := ArticleForm{Status: models.StatusDraft, CommentsOpen: "on", AuthorID: strconv.FormatInt(u.ID, 10)}
	p, err := h.editorPage(c, models.Article{}, f)
	if err != nil {
		return err
	}
	if len(p.Sections) > 0 {
		p.Form.CategoryID = strconv.FormatInt(p.Sections[0].ID, 10)
	}
	return h.render(c, http.StatusOK, p)
}

// ArticleEdit shows the editor for a stored article.
func (h *Handler) ArticleEdit(c echo.Context) error {
	a, err := h.articleToEdit(c)
	if err != nil {
		return err
	}
	tags, err := h.Tags.ForArticle(c.Request().Context(), a.ID)
	if err != nil {
		return err
	}
	p, err := h.editorPage(c, a, ArticleForm{})
	if err != nil {
		return err
	}
	p.Form = NewArticleForm(a, tags, h.Now(), p.Site.Location())
	h.insertPicked(c, &p)
	return h.render(c, http.StatusOK, p)
}

// articleToEdit loads the article :id, answering 403 when the signed-in
// user is an author and it is not theirs.
func (h *Handler) articleToEdit(c echo.Context) (models.Article, error) {
	id, err := kit.IDParam(c, "id")
	if err != nil {
		return models.Article{}, err
	}
	a, err := h.Articles.ByID(c.Request().Context(), id)
	if err != nil {
		return a, kit.NotFoundIf(err)
	}
	if !mayChange(currentUser(c), articleStake(a)) {
		return a, forbidden("Authors can open only articles they write or co-write.")
	}
	return a, nil
}

// editorPage gathers what the editor shows besides the form.
func (h *Handler) editorPage(c echo.Context, a models.Article, f ArticleForm) (AdminArticleEditPage, error) {
	ctx := c.Request().Context()
	title := "New article"
	if a.ID != 0 {
		title = "Edit: " + a.Title
	}
	l, err := h.layout(c, title, "articles")
	if err != nil {
		return AdminArticleEditPage{}, err
	}
	u, now := currentUser(c), h.Now()
	p := AdminArticleEditPage{Layout: l, Form: f, Article: kit.ArticleInZone(a, l.Site.Location()),
		CanPickAuthor: May(u, OthersWork), CanPublish: May(u, Publish), now: now}
	if p.Sections, err = h.Categories.All(ctx); err != nil {
		return p, err
	}
	if p.CanPickAuthor {
		if p.Authors, err = h.Users.Bylines(ctx); err != nil {
			return p, err
		}
		for _, b := range a.Bylines() {
			if !slices.ContainsFunc(p.Authors, func(u models.User) bool { return u.ID == b.ID }) {
				p.Authors = append(p.Authors, b) // a byline whose account is disabled
			}
		}
	}
	if a.ID == 0 {
		return p, nil
	}
	if p.Lead, err = kit.LeadOf(ctx, h.Media, a.ID); err != nil {
		return p, err
	}
	p.State, p.Live = a.State(now), a.Live(now)
	p.Locked = lockedFor(u, a)
	if a.Status == models.StatusPublished {
		if p.Corrections, err = h.Articles.Corrections(ctx, a.ID); err != nil {
			return p, err
		}
		for i := range p.Corrections {
			p.Corrections[i].CreatedAt = p.Corrections[i].CreatedAt.In(l.Site.Location())
		}
	}
	return p, nil
}

// lockedFor says why u may not save a, or "" when they may.
func lockedFor(u models.User, a models.Article) string {
	switch {
	case a.Status == models.StatusTrash:
		return "This article is in the trash. Restore it to edit it."
	case !May(u, Publish) && a.Status == models.StatusPublished:
		return "This article is published or scheduled: only an editor can change it now."
	}
	return ""
}

// ArticleCreate saves a new article (or previews it).
func (h *Handler) ArticleCreate(c echo.Context) error {
	return h.saveArticle(c, models.Article{})
}

// ArticleUpdate saves an existing article (or previews it).
func (h *Handler) ArticleUpdate(c echo.Context) error {
	a, err := h.articleToEdit(c)
	if err != nil {
		return err
	}
	return h.saveArticle(c, a)
}

// saveArticle validates the editor's form and stores it. old is the
// article as stored, zero for a new one.
func (h *Handler) saveArticle(c echo.Context, old models.Article) error {
	var f ArticleForm
	if err := kit.BindForm(c, &f); err != nil {
		return err
	}
	return h.saveArticleForm(c, old, f, nil)
}

// saveArticleForm checks and stores f over old (zero for a new article);
// afterSave, when set, runs once the article is stored (such as setting
// the lead picture of a new article).
func (h *Handler) saveArticleForm(c echo.Context, old models.Article, f ArticleForm, afterSave func(models.Article) error) error {
	p, err := h.editorPage(c, old, f)
	if err != nil {
		return err
	}
	f.applyAction(p.State, h.Now(), p.Site.Location())
	p.Form = f
	if f.Action == "preview" {
		return h.renderPreview(c, p, f)
	}
	u := currentUser(c)
	if p.Locked != "" {
		return forbidden(p.Locked)
	}
	if !May(u, Publish) && f.publishes() {
		return forbidden("Only editors can publish. Submit the article for review instead.")
	}
	in := f.validate(articleRules{sections: p.Sections, authors: p.Authors, user: u, keep: old.Author.ID, keepCo: old.CoAuthorIDs(),
		now: h.Now(), loc: p.Site.Location()})
	if err := h.checkBodyImages(c, &f); err != nil {
		return err
	}
	if len(f.FieldErrors) > 0 {
		p.Form = f
		return h.render(c, http.StatusUnprocessableEntity, p)
	}
	saved, err := h.storeArticle(c, old, f, in)
	switch {
	case errors.Is(err, models.ErrDuplicate):
		f.FieldErrors["slug"] = "Another article already uses this address. Choose a different slug."
		p.Form = f
		return h.render(c, http.StatusUnprocessableEntity, p)
	case errors.Is(err, models.ErrConflict):
		return h.renderConflict(c, p, f)
	case kit.CannotWrite(err):
		h.Logger.Error("article not saved", "id", kit.RequestID(c), "err", err)
		f.FieldErrors = map[string]string{"form": kit.KeptInputMessage}
		p.Form = f
		return h.render(c, http.StatusServiceUnavailable, p)
	case err != nil:
		return kit.NotFoundIf(err)
	}
	if afterSave != nil {
		if err := afterSave(saved); err != nil {
			return err
		}
	}
	h.auditStatusChange(c, old, saved, in, p.Site.Location())
	h.addFlash(c, savedMessage(saved.Title, in, h.Now(), p.Site))
	return c.Redirect(http.StatusSeeOther, "/admin/articles/"+strconv.FormatInt(saved.ID, 10))
}

func (h *Handler) storeArticle(c echo.Context, old models.Article, f ArticleForm, in models.ArticleInput) (models.Article, error) {
	ctx := c.Request().Context()
	if old.ID == 0 {
		return h.Articles.CreateEdited(ctx, in, editor(c, "created"))
	}
	if in.Slug == "" {
		in.Slug = old.Slug
	}
	version, _ := strconv.Atoi(f.Version)
	return h.Articles.UpdateEdited(ctx, old.ID, version, in, editor(c, "edited"))
}

// auditStatusChange records every save in the editor: scheduling as
// "schedule", publishing, unpublishing, submitting and plain edits.
func (h *Handler) auditStatusChange(c echo.Context, old, saved models.Article, in models.ArticleInput, loc *time.Location) {
	now := h.Now()
	was := ""
	if old.ID != 0 {
		was = old.State(now)
	}
	is := in.Status
	if is == models.StatusPublished && in.PublishedAt.After(now) {
		is = models.StatusScheduled
	}
	q := quoted(saved.Title)
	switch {
	case is == models.StatusScheduled && (was != is || !old.PublishedAt.Equal(in.PublishedAt)):
		h.audit(c, "article.schedule", "scheduled "+q+" for "+when(in.PublishedAt, loc))
	case is == models.StatusPublished && was != is:
		h.audit(c, "article.publish", "published "+q)
	case (was == models.StatusPublished || was == models.StatusScheduled) && is != models.StatusPublished && is != models.StatusScheduled:
		h.audit(c, "article.unpublish", "unpublished "+q)
	case is == models.StatusReview && was != is:
		h.audit(c, "article.submit", "submitted "+q+" for review")
	case old.ID == 0:
		h.audit(c, "article.create", "started the draft "+q)
	default:
		h.audit(c, "article.edit", "edited "+q)
	}
}

// savedMessage is the flash after a save.
func savedMessage(title string, in models.ArticleInput, now time.Time, st models.Settings) string {
	q := "“" + title + "”"
	switch {
	case in.Status == models.StatusReview:
		return "Submitted " + q + " for review."
	case in.Status == models.StatusPublished && in.PublishedAt.After(now):
		return "Scheduled " + q + " for " + in.PublishedAt.In(st.Location()).Format("January 2, 2006 at 3:04 PM") + "."
	case in.Status == models.StatusPublished:
		return "Saved and published " + q + "."
	}
	return "Saved draft " + q + "."
}

// renderConflict shows the editor again after a stale save: what is stored
// now beside what this editor typed, which stays in the form.
func (h *Handler) renderConflict(c echo.Context, p AdminArticleEditPage, f ArticleForm) error {
	ctx := c.Request().Context()
	theirs, err := h.Articles.ByID(ctx, p.Article.ID)
	if err != nil {
		return kit.NotFoundIf(err)
	}
	tags, err := h.Tags.ForArticle(ctx, theirs.ID)
	if err != nil {
		return err
	}
	tf := NewArticleForm(theirs, tags, h.Now(), p.Site.Location())
	conf := &EditConflict{Theirs: kit.ArticleInZone(theirs, p.Site.Location()), TheirsTags: tf.Tags,
		BodyDiff: models.DiffLines(theirs.BodyMD, f.Body)}
	for _, d := range [][3]string{{"Title", tf.Title, f.Title}, {"Summary", tf.Summary, f.Summary},
		{"Text", tf.Body, f.Body}, {"Tags", tf.Tags, f.Tags}, {"Source", tf.Source, f.Source},
		{"Section", tf.CategoryID, f.CategoryID}, {"Status", tf.Status, f.Status}} {
		if d[1] != d[2] {
			conf.Changed = append(conf.Changed, d[0])
		}
	}
	// Saving again from here is deliberate: it replaces what is stored now.
	f.Version = strconv.Itoa(theirs.Version)
	f.FieldErrors = map[string]string{}
	p.Form, p.Conflict, p.Article = f, conf, kit.ArticleInZone(theirs, p.Site.Location())
	return h.render(c, http.StatusConflict, p)
}
