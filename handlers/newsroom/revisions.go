package newsroom

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// AdminRevisionsPage lists an article's revisions.
type AdminRevisionsPage struct {
	Layout
	Article   models.Article
	Revisions []RevisionRow
	CanSave   bool
}

// RevisionRow is one revision and what it changed from the one before.
type RevisionRow struct {
	models.Revision
	Changed []string
}

func (AdminRevisionsPage) Template() string { return "admin_revisions" }

// AdminRevisionComparePage shows two revisions side by side.
type AdminRevisionComparePage struct {
	Layout
	Article  models.Article
	Older    models.Revision
	Newer    models.Revision
	Fields   []FieldDiff
	BodyDiff []models.DiffLine
	CanSave  bool
}

// FieldDiff is one field in two revisions.
type FieldDiff struct {
	Name, Older, Newer string
}

// Changed reports whether the field differs.
func (f FieldDiff) Changed() bool { return f.Older != f.Newer }

func (AdminRevisionComparePage) Template() string { return "admin_revision_compare" }

// revisionFields are a revision's fields other than the body, for comparing.
func revisionFields(r models.Revision, loc *time.Location) [][2]string {
	published := ""
	if !r.PublishedAt.IsZero() {
		published = r.PublishedAt.In(loc).Format("January 2, 2006 at 3:04 PM")
	}
	return [][2]string{{"Title", r.Title}, {"Slug", r.Slug}, {"Summary", r.Summary}, {"Section", r.CategoryName},
		{"Tags", r.Tags}, {"Authors", r.Bylines()}, {"Source", r.Source}, {"Status", statusWords[r.Status]},
		{"Publish time", published}, {"Front page", yesNo(r.Featured, "Featured", "Not featured")},
		{"Comments", yesNo(r.CommentsOpen, "Open", "Closed")}, {"Lead picture", leadName(r.LeadMediaID)}}
}

// leadName names a revision's lead picture for the history.
func leadName(id int64) string {
	if id == 0 {
		return "none"
	}
	return "image " + strconv.FormatInt(id, 10)
}

// statusWords say an article's stored status in words.
var statusWords = map[string]string{models.StatusDraft: "Draft", models.StatusReview: "Waiting for review",
	models.StatusPublished: "Published", models.StatusScheduled: "Scheduled", "trash": "In the trash"}

// yesNo says a flag in words.
func yesNo(v bool, yes, no string) string {
	if v {
		return yes
	}
	return no
}

// RevisionList lists an article's revisions, newest first.
func (h *Handler) RevisionList(c echo.Context) error {
	a, err := h.articleToEdit(c)
	if err != nil {
		return err
	}
	revs, err := h.Articles.Revisions(c.Request().Context(), a.ID)
	if err != nil {
		return err
	}
	l, err := h.layout(c, "Revisions: "+a.Title, "articles")
	if err != nil {
		return err
	}
	loc := l.Site.Location()
	p := AdminRevisionsPage{Layout: l, Article: a, CanSave: lockedFor(currentUser(c), a) == ""}
	for i, r := range revs {
		r.CreatedAt = r.CreatedAt.In(loc)
		row := RevisionRow{Revision: r}
		if i+1 < len(revs) {
			prev, cur := revisionFields(revs[i+1], loc), revisionFields(r, loc)
			for k := range cur {
				if cur[k][1] != prev[k][1] {
					row.Changed = append(row.Changed, cur[k][0])
				}
			}
			if r.BodyMD != revs[i+1].BodyMD {
				row.Changed = append(row.Changed, "Text")
			}
		}
		p.Revisions = append(p.Revisions, row)
	}
	return h.render(c, http.StatusOK, p)
}

// RevisionCompare compares revisions ?a= and ?b= of an article.
func (h *Handler) RevisionCompare(c echo.Context) error {
	ctx := c.Request().Context()
	a, err := h.articleToEdit(c)
	if err != nil {
		return err
	}
	ida, errA := strconv.ParseInt(c.QueryParam("a"), 10, 64)
	idb, errB := strconv.ParseInt(c.QueryParam("b"), 10, 64)
	if errA != nil || errB != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "Choose two revisions to compare.")
	}
	if ida > idb {
		ida, idb = idb, ida
	}
	older, err := h.Articles.Revision(ctx, a.ID, ida)
	if err != nil {
		return kit.NotFoundIf(err)
	}
	newer, err := h.Articles.Revision(ctx, a.ID, idb)
	if err != nil {
		return kit.NotFoundIf(err)
	}
	l, err := h.layout(c, "Compare revisions: "+a.Title, "articles")
	if err != nil {
		return err
	}
	loc := l.Site.Location()
	older.CreatedAt, newer.CreatedAt = older.CreatedAt.In(loc), newer.CreatedAt.In(loc)
	p := AdminRevisionComparePage{Layout: l, Article: a, Older: older, Newer: newer,
		BodyDiff: models.DiffLines(older.BodyMD, newer.BodyMD), CanSave: lockedFor(currentUser(c), a) == ""}
	of, nf := revisionFields(older, loc), revisionFields(newer, loc)
	for i := range of {
		p.Fields = append(p.Fields, FieldDiff{Name: of[i][0], Older: of[i][1], Newer: nf[i][1]})
	}
	return h.render(c, http.StatusOK, p)
}

// RevisionRestore puts a revision's words back into the article.
func (h *Handler) RevisionRestore(c echo.Context) error {
	a, err := h.articleToEdit(c)
	if err != nil {
		return err
	}
	if why := lockedFor(currentUser(c), a); why != "" {
		return forbidden(why)
	}
	rev, err := kit.IDParam(c, "rev")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	r, err := h.Articles.Revision(ctx, a.ID, rev)
	if err != nil {
		return kit.NotFoundIf(err)
	}
	n := strconv.Itoa(r.Number)
	if err := h.Articles.RestoreRevision(ctx, a.ID, rev, editor(c, "restored revision "+n)); err != nil {
		return kit.NotFoundIf(err)
	}
	h.audit(c, "article.restore", "restored revision "+n+" of "+quoted(a.Title))
	h.addFlash(c, "Restored revision "+n+". The text it replaced is kept as a revision too.")
	return c.Redirect(http.StatusSeeOther, articlePath(a.ID))
}
